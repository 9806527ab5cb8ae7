"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PreviewPanel } from "./preview-panel";

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
