import { cn } from "@/lib/client/class-names";

interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  className?: string;
}

/** A labelled progress bar whose value screen readers can read ("Importing members, 3 of 5"). */
export function ProgressBar({ label, value, max, className }: ProgressBarProps) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span aria-hidden>{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={`${percent}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** A bar that moves without a known end, for work that reports no progress of its own. */
export function BusyBar({ label }: { label: string }) {
  return (
    <div className="space-y-1">
      <span className="text-xs text-slate-600">{label}</span>
      <div
        role="progressbar"
        aria-label={label}
        aria-busy="true"
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full w-1/3 animate-pulse rounded-full bg-indigo-600" />
      </div>
    </div>
  );
}
