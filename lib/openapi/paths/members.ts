import type { Operation } from "../operation";

export const membersOperations: Operation[] = [];
