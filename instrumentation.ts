// Runs once when the server starts: migrate the database and, when it has never been set up, load the demo
// data, so that the first request finds a ready database; then start the jobs that run on a schedule and
// take over SIGTERM/SIGINT so that a stop closes the database cleanly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./db/prepare");
  try {
    await prepareDatabase();
  } catch (error) {
    if (error instanceof Error && error.name === "DataDirLockedError") {
      // Another live process owns the embedded database: serving without it would only fail every request.
      console.error(error.message);
      process.exit(1);
    }
    // Serve anyway: the health check reports the database as down, and the next request tries again.
    console.error("The database could not be prepared at start", error);
  }
  const { startScheduler } = await import("./lib/scheduler/scheduler");
  const { scheduledJobs } = await import("./lib/scheduler/jobs");
  const scheduler = startScheduler(scheduledJobs());
  const { installShutdownHandlers } = await import("./lib/lifecycle/shutdown");
  installShutdownHandlers(scheduler.stop);
}
