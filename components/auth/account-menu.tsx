"use client";

import { useMe, useSignOut } from "@/components/hooks/use-me";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/** The header's right end: the local-mode notice, or who is signed in with the settings (admins) and sign-out. */
export function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  if (!me.data) return null;
  if (me.data.mode === "local") {
    return (
      <p className="ml-auto flex items-center gap-4 text-xs text-slate-500">
        <span>Local mode: no sign-in, only this machine can connect.</span>
        <Link href="/settings/keys" className="text-slate-700 hover:text-slate-900">
          Keys
        </Link>
      </p>
    );
  }
  return (
    <div className="ml-auto flex items-center gap-4 text-sm">
      {me.data.role === "admin" ? (
        <>
          <Link href="/settings/team" className="text-slate-700 hover:text-slate-900">
            Team
          </Link>
          <Link href="/settings/keys" className="text-slate-700 hover:text-slate-900">
            Keys
          </Link>
        </>
      ) : null}
      <span className="text-slate-600">
        {me.data.actor.label} <span className="text-slate-500">({me.data.role ?? "key"})</span>
      </span>
      <Button variant="secondary" size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </Button>
    </div>
  );
}
