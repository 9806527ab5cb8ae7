import type { Operation } from "../operation";

export const analyticsOperations: Operation[] = [];
