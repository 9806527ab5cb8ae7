// Vitest stands in for React's server bundle: `import "server-only"` resolves here.
export {};
