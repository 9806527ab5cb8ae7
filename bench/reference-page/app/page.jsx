export default function Page() {
  return (
    <main>
      <h1>Reference page</h1>
      <p>
        One heading and one paragraph, server-rendered by the production build of the Next.js and React the
        dashboard uses: what the framework alone costs a page on this machine.
      </p>
    </main>
  );
}
