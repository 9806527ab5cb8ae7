// The server tests run the production build: make it when it is missing or older than the sources.
// @ts-expect-error: a plain ES module script without types.
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";

export default function setup() {
  buildIfNeeded();
}
