"use client";

import { useState } from "react";
import {
  type ExperimentResult,
  type ExperimentSettingsUpdate,
  usePromoteExperiment,
  useReallocateExperiment,
  useUpdateExperiment,
} from "@/components/hooks/use-experiment";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { armLabel, runStatusLabel } from "./experiment-labels";

/** Start / Pause / Stop, the allocation mode, re-allocation for the bandit and promotion of a winner. */
export function ExperimentControls({
  segmentId,
  experiment,
  onDone,
}: {
  segmentId: string;
  experiment: ExperimentResult;
  onDone: (message: string) => void;
}) {
  const update = useUpdateExperiment(segmentId);
  const reallocate = useReallocateExperiment(segmentId);
  const [promoting, setPromoting] = useState(false);
  const { settings } = experiment;
  const status = runStatusLabel[settings.status];
  const busy = update.isPending || reallocate.isPending;
  const winner = experiment.variants.find(
    (arm) => arm.personalized_content_id === settings.winner_personalized_content_id,
  );
  const change = (body: ExperimentSettingsUpdate, message: string) =>
    update.mutate(body, { onSuccess: () => onDone(message) });
  const error = update.error ?? reallocate.error;

  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="font-semibold">Experiment</h3>
        <Badge tone={status.tone}>{status.text}</Badge>
        {settings.status === "completed" ? (
          <span className="text-sm text-slate-700">
            Winner: {winner ? armLabel(winner) : "a removed arm"} since{" "}
            {formatDateTime(settings.completed_at)}
          </span>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">{status.description}</p>
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex gap-2">
          <legend className="sr-only">Experiment status</legend>
          <Button
            disabled={busy || settings.status === "running"}
            onClick={() => change({ status: "running" }, "Experiment started.")}
          >
            Start
          </Button>
          <Button
            variant="secondary"
            disabled={busy || settings.status !== "running"}
            onClick={() => change({ status: "paused" }, "Experiment paused: nothing is delivered.")}
          >
            Pause
          </Button>
          <Button
            variant="secondary"
            disabled={busy || (settings.status !== "running" && settings.status !== "paused")}
            onClick={() => change({ status: "stopped" }, "Experiment stopped: nothing is delivered.")}
          >
            Stop
          </Button>
        </fieldset>
        <SelectField
          label="Allocation"
          className="w-64"
          value={settings.allocation}
          disabled={busy}
          onChange={(event) => {
            const allocation = event.target.value as ExperimentSettingsUpdate["allocation"];
            change(
              { allocation },
              allocation === "bandit"
                ? "Allocation set to bandit: the split follows the results."
                : "Allocation set to fixed: the split stays as you set it.",
            );
          }}
          options={[
            { value: "fixed", label: "Fixed split" },
            { value: "bandit", label: "Bandit (Thompson sampling)" },
          ]}
        />
        {settings.allocation === "bandit" ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => reallocate.mutate(undefined, { onSuccess: () => onDone("Traffic re-allocated.") })}
          >
            {reallocate.isPending ? "Re-allocating…" : "Re-allocate now"}
          </Button>
        ) : null}
        <Button variant="secondary" disabled={busy} onClick={() => setPromoting(true)}>
          Promote winner
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <PromoteDialog
        open={promoting}
        segmentId={segmentId}
        experiment={experiment}
        onClose={() => setPromoting(false)}
        onPromoted={(message) => {
          setPromoting(false);
          onDone(message);
        }}
      />
    </div>
  );
}

const bestArm = "";

function PromoteDialog({
  open,
  segmentId,
  experiment,
  onClose,
  onPromoted,
}: {
  open: boolean;
  segmentId: string;
  experiment: ExperimentResult;
  onClose: () => void;
  onPromoted: (message: string) => void;
}) {
  const promote = usePromoteExperiment(segmentId);
  const [choice, setChoice] = useState(bestArm);
  const close = () => {
    promote.reset();
    setChoice(bestArm);
    onClose();
  };
  return (
    <Dialog open={open} title="Promote a winner?" onClose={close}>
      <p className="text-sm text-slate-700">
        Every user of this segment will see the promoted arm, and the experiment is marked completed. You can
        start testing again later.
      </p>
      <SelectField
        label="Arm to promote"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        options={[
          { value: bestArm, label: "The significant best arm" },
          ...experiment.variants.map((arm) => ({ value: arm.personalized_content_id, label: armLabel(arm) })),
        ]}
      />
      {promote.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {promote.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button
          disabled={promote.isPending}
          onClick={() =>
            promote.mutate(choice || undefined, {
              onSuccess: (result) => {
                const arm = result.variants.find(
                  (variant) =>
                    variant.personalized_content_id === result.settings.winner_personalized_content_id,
                );
                setChoice(bestArm);
                onPromoted(`Promoted ${arm ? armLabel(arm) : "the winner"}: every user now sees it.`);
              },
            })
          }
        >
          {promote.isPending ? "Promoting…" : "Promote"}
        </Button>
      </div>
    </Dialog>
  );
}
