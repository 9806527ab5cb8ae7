let counter = 0;
/** A name no other test in this database uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}-${counter}`;
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
