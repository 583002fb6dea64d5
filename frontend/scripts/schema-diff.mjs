// Fails on an unannounced breaking change of the public GraphQL schema.
//
// Compares codegen/schema.graphql with the same file at a base revision (SCHEMA_BASE, else
// origin/main or main when this is another branch, else the previous commit of main) using
// @graphql-inspector/core. A breaking change passes only when codegen/BREAKING.md mentions its
// path (`Type.field`, `Type.field.argument`, or the type name), so partners are told.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCHEMA = "codegen/schema.graphql";
const ANNOUNCED = join(repo, "codegen", "BREAKING.md");

function git(...args) {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
}

function hasRevision(revision) {
  try {
    git("rev-parse", "--verify", "--quiet", `${revision}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

function baseRevision() {
  if (process.env.SCHEMA_BASE) return process.env.SCHEMA_BASE;
  const branch = git("rev-parse", "--abbrev-ref", "HEAD");
  for (const candidate of ["origin/main", "main"]) {
    if (branch !== "main" && hasRevision(candidate)) return git("merge-base", "HEAD", candidate);
  }
  return hasRevision("HEAD~1") ? "HEAD~1" : null;
}

const base = existsSync(join(repo, ".git")) ? baseRevision() : null;
if (!base) {
  console.log("schema-diff: no base revision to compare with; nothing checked");
  process.exit(0);
}
let before;
try {
  before = git("show", `${base}:${SCHEMA}`);
} catch {
  console.log(`schema-diff: ${SCHEMA} does not exist at ${base}; nothing to compare`);
  process.exit(0);
}
const after = readFileSync(join(repo, SCHEMA), "utf8");
const changes = await diff(buildSchema(before), buildSchema(after));
const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
const announced = existsSync(ANNOUNCED) ? readFileSync(ANNOUNCED, "utf8") : "";
const unannounced = breaking.filter((change) => !change.path || !announced.includes(`\`${change.path}\``));

console.log(`schema-diff against ${base}: ${changes.length} changes, ${breaking.length} breaking`);
for (const change of breaking) {
  const mark = unannounced.includes(change) ? "UNANNOUNCED" : "announced";
  console.log(`  ${mark}: ${change.message}${change.path ? ` (${change.path})` : ""}`);
}
if (unannounced.length) {
  console.error("Announce each breaking change in codegen/BREAKING.md with its path in backticks.");
  process.exit(1);
}
