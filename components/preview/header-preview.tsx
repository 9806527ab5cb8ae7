"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LoadingState } from "@/components/ui/states";

// The header is on every page and the panel is opened on few: its code (the form, the decide hook, the
// reasons) loads when the dialog first opens instead of with every page's script.
const PreviewPanel = dynamic(() => import("./preview-panel").then((module) => module.PreviewPanel), {
  ssr: false,
  loading: () => <LoadingState label="Loading the preview…" />,
});

/** The site-wide "Preview as user": any user, every segment, in a dialog from the header. */
export function HeaderPreview() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" className="ml-auto" onClick={() => setOpen(true)}>
        Preview as user
      </Button>
      <Dialog open={open} title="Preview as user" onClose={() => setOpen(false)} wide>
        <PreviewPanel headingLevel={3} />
        <div className="flex justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Close
          </Button>
        </div>
      </Dialog>
    </>
  );
}
