// Runs once when the server starts: migrate the database and, when it is empty, load the demo data,
// so that the first request finds a ready database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./db/prepare");
  try {
    await prepareDatabase();
  } catch (error) {
    // Serve anyway: the health check reports the database as down, and the next request tries again.
    console.error("The database could not be prepared at start", error);
  }
}
