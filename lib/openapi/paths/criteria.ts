import type { Operation } from "../operation";

export const criteriaOperations: Operation[] = [];
