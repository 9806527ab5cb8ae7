import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expectNoAxeViolations } from "./axe";
import { addMembers, createSegment, createUsers, expect, test } from "./segment-fixtures";

test.describe.configure({ timeout: 120_000 });

/** A receiver on this machine that answers 204 and records what it got. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => server.close() };
}

test("add a webhook, send a test and see its deliveries in the log", async ({ page, request }) => {
  const receiver = await startReceiver();
  try {
    const segment = await createSegment(request);
    await page.goto("/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, "the webhooks page");

    await page.getByRole("button", { name: "Add webhook" }).click();
    const dialog = page.getByRole("dialog", { name: "Add webhook" });
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByLabel("Description").fill("CRM sync");
    await dialog.getByLabel(segment.segment_name).check();
    await expectNoAxeViolations(page, "the add webhook dialog");
    await dialog.getByRole("button", { name: "Add webhook" }).click();

    await expect(page.getByText(/it is shown once/)).toBeVisible();
    await expect(page.getByText(/^whsec_/)).toBeVisible();
    await page.getByRole("button", { name: "Send test" }).click();
    const log = page.getByRole("table", { name: `Deliveries of ${receiver.url}` });
    await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("delivered");

    // A membership change of the segment is delivered too, and shown in the log.
    const users = await createUsers(request, 1);
    await addMembers(request, segment.id, [users[0].id]);
    // The open log polls: the new delivery shows up without a reload.
    await expect(log.getByRole("row").filter({ hasText: "segment.member_joined" })).toContainText(
      "delivered",
    );
    await expectNoAxeViolations(page, "the delivery log");
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toContain("segment.member_joined");
    expect(receiver.received.every((r) => typeof r.headers["webhook-signature"] === "string")).toBe(true);

    // The segment's settings list it as a destination.
    await page.goto(`/segments/${segment.id}?tab=settings`);
    const destinations = page.getByRole("region", { name: "Destinations" });
    await expect(destinations).toContainText(receiver.url);
    await expectNoAxeViolations(page, "the segment's Destinations section");
  } finally {
    receiver.close();
  }
});
