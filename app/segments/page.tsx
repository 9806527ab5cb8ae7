export default function SegmentsPage() {
  return <h1 className="text-2xl font-semibold">Segments</h1>;
}
