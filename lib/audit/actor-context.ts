import { AsyncLocalStorage } from "node:async_hooks";

/** Who is making the current request: a signed-in team member, an API key, or anyone on this machine (local mode). */
export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "api_key"; id: string; label: string }
  | { type: "local" };

const LOCAL_ACTOR: Actor = { type: "local" };

// The wrapper (withApi) authenticates once and runs the handler inside this context, so the audit log
// and revisions can name the author without every service call passing it down.
const actorStorage = new AsyncLocalStorage<Actor>();

export function runWithActor<T>(actor: Actor, run: () => T): T {
  return actorStorage.run(actor, run);
}

/** The current request's actor; outside a request (scheduler, scripts, tests) the local actor. */
export function currentActor(): Actor {
  return actorStorage.getStore() ?? LOCAL_ACTOR;
}
