// Runs once when the server starts: migrate the database and, when it is empty, load the demo data,
// so that the first request finds a ready database; then start the jobs that run on a schedule.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./db/prepare");
  try {
    await prepareDatabase();
  } catch (error) {
    // Serve anyway: the health check reports the database as down, and the next request tries again.
    console.error("The database could not be prepared at start", error);
  }
  const { startScheduler } = await import("./lib/scheduler/scheduler");
  const { scheduledJobs } = await import("./lib/scheduler/jobs");
  startScheduler(scheduledJobs());
}
