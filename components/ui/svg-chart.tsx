import { cn } from "@/lib/client/class-names";
import { formatCompact, formatNumber } from "./format";

interface SeriesBase {
  label: string;
  color: string;
  /** Which value axis the series is read against; a right axis is drawn only when a series uses it. */
  axis?: "left" | "right";
}

/** A line through the points that have a value: one that covers part of the axis leaves the rest out. */
export interface LineSeries<Point> extends SeriesBase {
  kind: "line";
  value: (point: Point) => number | undefined;
  dashed?: boolean;
}

export interface BarSeries<Point> extends SeriesBase {
  kind: "bar";
  value: (point: Point) => number;
  /** A colour per bar (e.g. the control in grey); `color` is the legend's. */
  pointColor?: (point: Point) => string;
  /** Whiskers from low to high (a confidence interval), drawn over the bar. */
  interval?: (point: Point) => readonly [number, number] | undefined;
}

/** A filled band between a low and a high edge (an interval), over the points that have one. */
export interface BandSeries<Point> extends SeriesBase {
  kind: "band";
  range: (point: Point) => readonly [number, number] | undefined;
  opacity: number;
}

export type ChartSeries<Point> = LineSeries<Point> | BarSeries<Point> | BandSeries<Point>;

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
  /** The value axes' labels; compact numbers (1.2K) unless given. */
  tickFormat?: (value: number) => string;
  /** Values in the hover titles; the full number unless given. */
  valueFormat?: (value: number) => string;
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

const fullNumber = (value: number) => formatNumber(value, 3);

/** Every value a series reaches at a point, so the axis holds the whole of it (bands and whiskers included). */
function extentsOf<Point>(s: ChartSeries<Point>, point: Point): number[] {
  if (s.kind === "band") return [...(s.range(point) ?? [])];
  const value = s.value(point);
  const whisker = s.kind === "bar" ? (s.interval?.(point) ?? []) : [];
  return value === undefined ? [...whisker] : [value, ...whisker];
}

/** The series' value at a point as the hover title says it; undefined where the series has none. */
function titleOf<Point>(s: ChartSeries<Point>, point: Point, format: (value: number) => string) {
  if (s.kind === "band") {
    const range = s.range(point);
    return range ? `${s.label} ${format(range[0])}–${format(range[1])}` : undefined;
  }
  const value = s.value(point);
  return value === undefined ? undefined : `${s.label} ${format(value)}`;
}

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
  tickFormat = formatCompact,
  valueFormat = fullNumber,
}: SvgChartProps<Point>) {
  const hasRight = series.some((s) => s.axis === "right");
  const maxOf = (axis: "left" | "right") =>
    niceMax(
      Math.max(
        0,
        ...series
          .filter((s) => (s.axis ?? "left") === axis)
          .flatMap((s) => points.flatMap((point) => extentsOf(s, point))),
      ),
    );
  const scale = { left: maxOf("left"), right: hasRight ? maxOf("right") : 1 };
  const y = (value: number, axis: "left" | "right" = "left") => VIEW - (value / scale[axis]) * VIEW;
  const slot = VIEW / Math.max(points.length, 1);
  const center = (index: number) => slot * index + slot / 2;
  const bars = series.filter((s): s is BarSeries<Point> => s.kind === "bar");
  const lines = series.filter((s): s is LineSeries<Point> => s.kind === "line");
  const bands = series.filter((s): s is BandSeries<Point> => s.kind === "band");
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
              {tickFormat(tick * scale.left)}
            </span>
          ))}
          {hasRight
            ? ticks.map((tick) => (
                <span
                  key={`r${tick}`}
                  className="absolute -right-11 w-9 -translate-y-1/2 tabular-nums"
                  style={{ top: `${(1 - tick) * 100}%` }}
                >
                  {tickFormat(tick * scale.right)}
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
            {bands.map((s) => {
              const edges = points.flatMap((point, index) => {
                const range = s.range(point);
                return range
                  ? [{ x: center(index), low: y(range[0], s.axis), high: y(range[1], s.axis) }]
                  : [];
              });
              if (edges.length === 0) return null;
              const outline = [
                ...edges.map((edge) => `${edge.x},${edge.high}`),
                ...[...edges].reverse().map((edge) => `${edge.x},${edge.low}`),
              ];
              return (
                <path
                  key={s.label}
                  data-kind="band"
                  d={`M${outline.join("L")}Z`}
                  fill={s.color}
                  fillOpacity={s.opacity}
                />
              );
            })}
            {bars.map((s, b) =>
              points.map((point, index) => {
                const top = y(s.value(point), s.axis);
                const x = slot * index + slot * 0.1 + barWidth * b;
                const whisker = s.interval?.(point);
                return (
                  <g key={`${s.label}-${category(point)}`}>
                    <rect
                      x={x}
                      width={barWidth}
                      y={top}
                      height={VIEW - top}
                      fill={s.pointColor?.(point) ?? s.color}
                    />
                    {whisker ? (
                      <path
                        d={`M${x + barWidth / 2},${y(whisker[0], s.axis)}V${y(whisker[1], s.axis)}M${x + barWidth * 0.4},${y(whisker[0], s.axis)}H${x + barWidth * 0.6}M${x + barWidth * 0.4},${y(whisker[1], s.axis)}H${x + barWidth * 0.6}`}
                        stroke="#0f172a"
                        strokeWidth={2}
                        vectorEffect="non-scaling-stroke"
                      />
                    ) : null}
                  </g>
                );
              }),
            )}
            {lines.map((s) => (
              <polyline
                key={s.label}
                points={points
                  .flatMap((point, index) => {
                    const value = s.value(point);
                    return value === undefined ? [] : [`${center(index)},${y(value, s.axis)}`];
                  })
                  .join(" ")}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 3" : undefined}
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
                  {`${category(point)}: ${series
                    .map((s) => titleOf(s, point, valueFormat))
                    .filter(Boolean)
                    .join(", ")}`}
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
              className={cn(
                "inline-block",
                s.kind === "line" ? "h-0 w-4 border-t-2" : "size-3",
                s.kind === "line" && s.dashed && "border-dashed",
              )}
              style={
                s.kind === "line"
                  ? { borderColor: s.color }
                  : {
                      backgroundColor: s.color,
                      opacity: s.kind === "band" ? Math.max(s.opacity * 2, 0.3) : 1,
                    }
              }
            />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
