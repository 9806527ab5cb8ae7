import type { Principal } from "./authenticate";
import type { Me } from "./schemas";

export function describePrincipal(principal: Principal, mode: Me["mode"]): Me {
  const { actor } = principal;
  return {
    mode,
    actor: {
      type: actor.type,
      id: actor.type === "local" ? null : actor.id,
      label: actor.type === "local" ? null : actor.label,
    },
    role: principal.role,
    scopes: [...principal.scopes],
  };
}
