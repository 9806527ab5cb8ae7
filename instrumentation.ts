// Runs once when the server starts: migrate the database and, when it has never been set up, load the demo
// data, so that the first request finds a ready database; then start the jobs that run on a schedule and
// take over SIGTERM/SIGINT so that a stop closes the database cleanly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuse to serve an unsafe configuration (local mode on a network address, required mode without a
  // secret): every request would read the same environment and fail, so stop with the reason instead.
  const { readEnv } = await import("./lib/env");
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(
    env.AUTH_MODE === "local"
      ? `Auth mode: local (HOST=${env.HOST}): no credentials needed, only this machine can connect.`
      : `Auth mode: required (HOST=${env.HOST}): every API request needs an API key or a session.`,
  );
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
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    // The first administrator, only while the team is empty: restarting with the same variables changes nothing.
    try {
      const { ensureFirstAdmin } = await import("./lib/team/service");
      if (await ensureFirstAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD)) {
        console.log(`Created the first administrator, ${env.ADMIN_EMAIL}.`);
      }
    } catch (error) {
      console.error("The first administrator could not be created", error);
    }
  }
  // The builder's field catalogue scans every user: counted now, not on the first builder visit.
  const { warmCriteriaFieldCatalogue } = await import("./lib/criteria/service");
  warmCriteriaFieldCatalogue();
  const { startScheduler } = await import("./lib/scheduler/scheduler");
  const { scheduledJobs } = await import("./lib/scheduler/jobs");
  const scheduler = startScheduler(scheduledJobs());
  const { installShutdownHandlers } = await import("./lib/lifecycle/shutdown");
  installShutdownHandlers(scheduler.stop);
}
