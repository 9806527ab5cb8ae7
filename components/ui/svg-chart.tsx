import { cn } from "@/lib/client/class-names";
import { once } from "@/lib/client/once";

export interface ChartSeries<Point> {
  label: string;
  color: string;
  kind: "line" | "bar";
  /** Which value axis the series is read against; a right axis is drawn only when a series uses it. */
  axis?: "left" | "right";
  value: (point: Point) => number;
}

interface SvgChartProps<Point> {
  points: Point[];
  /** The label of each point on the horizontal axis. */
  category: (point: Point) => string;
  series: Array<ChartSeries<Point>>;
  height: number;
  leftTitle?: string;
  rightTitle?: string;
  /** At most this many category labels are written under the axis (all of them when there are fewer). */
  maxLabels?: number;
}

const VIEW = 1000;
const TICKS = 4;

/** A round upper bound for the axis, so that its TICKS steps are whole and readable (1, 2, 5 × 10ⁿ). */
function niceMax(max: number): number {
  if (max <= TICKS) return TICKS;
  const rough = max / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && Number.isInteger(s));
  return (step ?? Math.ceil(rough)) * TICKS;
}

const compact = once(() => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }));

/**
 * A small line and bar chart drawn as plain SVG, with its axis labels in HTML so the text stays crisp at
 * any width. It replaces a charting library on the segment page: it renders on the server, costs the browser
 * no script, and draws in one pass (the library took hundreds of milliseconds of main thread per chart).
 * The plot stretches to its box (`preserveAspectRatio="none"`) with strokes kept at their width.
 */
export function SvgChart<Point>({
  points,
  category,
  series,
  height,
  leftTitle,
  rightTitle,
  maxLabels = 6,
}: SvgChartProps<Point>) {
  const hasRight = series.some((s) => s.axis === "right");
  const maxOf = (axis: "left" | "right") =>
    niceMax(
      Math.max(
        0,
        ...series
          .filter((s) => (s.axis ?? "left") === axis)
          .flatMap((s) => points.map((point) => s.value(point))),
      ),
    );
  const scale = { left: maxOf("left"), right: hasRight ? maxOf("right") : 1 };
  const y = (value: number, axis: "left" | "right" = "left") => VIEW - (value / scale[axis]) * VIEW;
  const slot = VIEW / Math.max(points.length, 1);
  const center = (index: number) => slot * index + slot / 2;
  const bars = series.filter((s) => s.kind === "bar");
  const barWidth = (slot * 0.8) / Math.max(bars.length, 1);
  const labelEvery = Math.max(1, Math.ceil(points.length / maxLabels));
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => i / TICKS);

  return (
    <div className="text-xs text-slate-600">
      <div className="relative" style={{ height }}>
        {leftTitle ? <span className="absolute top-0 left-0">{leftTitle}</span> : null}
        {rightTitle ? <span className="absolute top-0 right-0">{rightTitle}</span> : null}
        <div className={cn("absolute top-6 bottom-6 left-11", hasRight ? "right-11" : "right-2")}>
          {ticks.map((tick) => (
            <span
              key={`l${tick}`}
              className="absolute -left-11 w-9 -translate-y-1/2 text-right tabular-nums"
              style={{ top: `${(1 - tick) * 100}%` }}
            >
              {compact().format(tick * scale.left)}
            </span>
          ))}
          {hasRight
            ? ticks.map((tick) => (
                <span
                  key={`r${tick}`}
                  className="absolute -right-11 w-9 -translate-y-1/2 tabular-nums"
                  style={{ top: `${(1 - tick) * 100}%` }}
                >
                  {compact().format(tick * scale.right)}
                </span>
              ))
            : null}
          <svg
            className="absolute inset-0 size-full overflow-visible"
            viewBox={`0 0 ${VIEW} ${VIEW}`}
            preserveAspectRatio="none"
            role="presentation"
          >
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={VIEW}
                y1={y(tick * scale.left)}
                y2={y(tick * scale.left)}
                stroke="#e2e8f0"
                strokeDasharray={tick === 0 ? undefined : "3 3"}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {bars.map((s, b) =>
              points.map((point, index) => {
                const top = y(s.value(point), s.axis);
                return (
                  <rect
                    key={`${s.label}-${category(point)}`}
                    x={slot * index + slot * 0.1 + barWidth * b}
                    width={barWidth}
                    y={top}
                    height={VIEW - top}
                    fill={s.color}
                  />
                );
              }),
            )}
            {series
              .filter((s) => s.kind === "line")
              .map((s) => (
                <polyline
                  key={s.label}
                  points={points
                    .map((point, index) => `${center(index)},${y(s.value(point), s.axis)}`)
                    .join(" ")}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            {/* One hover target per category: the browser shows its title as a tooltip. */}
            {points.map((point, index) => (
              <rect
                key={category(point)}
                x={slot * index}
                width={slot}
                y={0}
                height={VIEW}
                fill="transparent"
              >
                <title>
                  {`${category(point)}: ${series.map((s) => `${s.label} ${s.value(point).toLocaleString("en-US")}`).join(", ")}`}
                </title>
              </rect>
            ))}
          </svg>
          {points.map((point, index) =>
            index % labelEvery === 0 ? (
              <span
                key={category(point)}
                className="absolute top-full mt-1 max-w-24 -translate-x-1/2 truncate"
                style={{ left: `${(center(index) / VIEW) * 100}%` }}
              >
                {category(point)}
              </span>
            ) : null,
          )}
        </div>
      </div>
      <ul className="mt-2 flex flex-wrap justify-center gap-4">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-1">
            <span
              className={cn("inline-block", s.kind === "line" ? "h-0.5 w-4" : "size-3")}
              style={{ backgroundColor: s.color }}
            />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
