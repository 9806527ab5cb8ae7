import { cn } from "@/lib/client/class-names";
import {
  curlExample,
  describeType,
  type FieldView,
  listFields,
  type OpenApiDocument,
  type OperationView,
} from "./openapi-view";

const methodTones: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-red-100 text-red-800",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-block w-16 shrink-0 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase",
        methodTones[method] ?? "bg-slate-100 text-slate-800",
      )}
    >
      {method}
    </span>
  );
}

function FieldsTable({ caption, fields }: { caption: string; fields: FieldView[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-sm font-semibold text-slate-800">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Type
            </th>
            <th scope="col" className="py-1 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((field) => (
            <tr key={field.name} className="align-top">
              <th
                scope="row"
                className="py-1.5 pr-4 font-mono text-xs font-medium whitespace-nowrap text-slate-900"
              >
                {field.name}
                {field.required ? <span className="ml-1 text-red-700">required</span> : null}
              </th>
              <td className="py-1.5 pr-4 text-xs text-slate-700">{field.type}</td>
              <td className="py-1.5 text-xs text-slate-700">
                {field.description}
                {field.defaultValue !== undefined ? (
                  <span className="block text-slate-500">
                    Default: <code className="font-mono">{field.defaultValue}</code>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OperationSection({ view, doc }: { view: OperationView; doc: OpenApiDocument }) {
  const { operation } = view;
  const parameters: FieldView[] = (operation.parameters ?? []).map((parameter) => ({
    name: parameter.name,
    type: `${parameter.in === "path" ? "path" : "query"}: ${describeType(parameter.schema, doc)}`,
    required: parameter.required,
    ...(parameter.description ? { description: parameter.description } : {}),
    ...(parameter.schema.default !== undefined
      ? { defaultValue: JSON.stringify(parameter.schema.default) }
      : {}),
  }));
  const bodySchema = operation.requestBody?.content["application/json"]?.schema;
  const bodyFields = bodySchema ? listFields(bodySchema, doc) : [];
  return (
    <section
      aria-labelledby={view.anchor}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2
        id={view.anchor}
        className="flex flex-wrap items-center gap-3 text-base font-semibold text-slate-900"
      >
        <MethodBadge method={view.method} />
        <code className="font-mono text-sm break-all">{view.path}</code>
      </h2>
      <p className="mt-2 text-sm text-slate-800">{operation.summary}</p>
      {operation.description ? <p className="mt-1 text-sm text-slate-600">{operation.description}</p> : null}
      <div className="mt-4 space-y-4">
        {parameters.length > 0 ? <FieldsTable caption="Parameters" fields={parameters} /> : null}
        {bodyFields.length > 0 ? <FieldsTable caption="Request body (JSON)" fields={bodyFields} /> : null}
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Responses</h3>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(operation.responses).map(([status, response]) => (
              <div key={status} className="contents">
                <dt
                  className={cn(
                    "font-mono text-xs font-semibold",
                    Number(status) >= 400 ? "text-red-700" : "text-emerald-700",
                  )}
                >
                  {status}
                </dt>
                <dd className="text-xs text-slate-700">{response.description}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Example</h3>
          <pre
            // biome-ignore lint/a11y/noNoninteractiveTabindex: long commands scroll, and a keyboard can only scroll what takes focus (WCAG 2.1.1)
            tabIndex={0}
            className="mt-1 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            <code>{curlExample(view, doc)}</code>
          </pre>
        </div>
      </div>
    </section>
  );
}
