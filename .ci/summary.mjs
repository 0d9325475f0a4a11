// Print the closing `N passed, N failed, N skipped` line from vitest's JSON report and fail
// when anything was skipped or left as a todo, or when no test ran at all.
import {readFileSync} from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const passed = report.numPassedTests
const failed = report.numFailedTests
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
if (skipped > 0 || failed > 0 || passed === 0 || !report.success) process.exit(1)
