// SPDX-License-Identifier: Apache-2.0
// Validates every object rendered by `otel-console render` against the Kubernetes OpenAPI schemas
// published in the kubernetes-models packages — a validator that shares no code with the renderer.
//
// Usage: node validate.mjs OTEL_CONSOLE PROJECT [SIDECAR_TARGET]
// A sidecar plan holds a partial apply intent of the application's workload; it is merged into
// SIDECAR_TARGET (a complete workload) by container name, as server-side apply would, and the merged
// object is validated.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [otelConsole, project, sidecarTarget] = process.argv.slice(2);
if (!otelConsole || !project) {
    console.error("usage: node validate.mjs OTEL_CONSOLE PROJECT [SIDECAR_TARGET]");
    process.exit(2);
}

function modelModule(apiVersion, kind) {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    if (group === "monitoring.coreos.com")
        return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
    return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

function mergeByName(base = [], intent = []) {
    const merged = base.map((item) => ({ ...item }));
    for (const item of intent) {
        const index = merged.findIndex((existing) => existing.name === item.name);
        if (index >= 0) merged[index] = { ...merged[index], ...item };
        else merged.push(item);
    }
    return merged;
}

function applySidecarIntent(intent) {
    const target = parseAllDocuments(readFileSync(sidecarTarget, "utf8"))[0].toJS();
    if (target.kind !== intent.kind || target.metadata.name !== intent.metadata.name)
        throw new Error(`sidecar intent targets ${intent.kind}/${intent.metadata.name}, fixture is ${target.kind}/${target.metadata.name}`);
    const podSpec = target.spec.template.spec;
    const intentPod = intent.spec.template.spec;
    for (const list of ["containers", "initContainers", "volumes"])
        if (intentPod[list]) podSpec[list] = mergeByName(podSpec[list], intentPod[list]);
    target.spec.template.metadata.annotations = {
        ...(target.spec.template.metadata.annotations ?? {}),
        ...(intent.spec.template.metadata?.annotations ?? {}),
    };
    return target;
}

function isPartialWorkload(object) {
    return ["Deployment", "StatefulSet", "DaemonSet"].includes(object.kind) && !object.spec?.selector;
}

const rendered = execFileSync(otelConsole, ["render", project], { encoding: "utf8" });
let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(rendered)) {
    if (document.errors.length > 0) {
        console.error(`not YAML: ${document.errors[0].message}`);
        failures++;
        continue;
    }
    let object = document.toJS();
    if (isPartialWorkload(object)) {
        if (!sidecarTarget) throw new Error(`${object.kind}/${object.metadata.name} is partial but no target was given`);
        object = applySidecarIntent(object);
    }
    const name = `${object.kind}/${object.metadata?.name}`;
    const module = await import(modelModule(object.apiVersion, object.kind));
    const model = new module[object.kind](object);
    try {
        model.validate();
        checked++;
    } catch (error) {
        console.error(`${name}: ${error.message}`);
        failures++;
    }
}
if (checked === 0 && failures === 0) {
    console.error("no objects were rendered");
    process.exit(1);
}
console.log(`${project}: ${checked} object(s) valid, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
