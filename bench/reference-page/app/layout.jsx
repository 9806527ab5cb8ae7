export const metadata = {
  title: "Reference page",
  description: "A bare Next.js page, the Lighthouse bench's floor.",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
