import type { Operation } from "../operation";

export const personalizedOperations: Operation[] = [];
