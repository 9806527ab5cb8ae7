// The server tests run the production build: make it when it is missing or older than the sources.
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";

export default function setup() {
  buildIfNeeded();
}
