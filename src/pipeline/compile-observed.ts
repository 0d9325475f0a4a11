/**
 * The `CompileObserved` the commands use: logs and graphs through ingest and the configured
 * policy. To do: wire `compile()` from `src/compile.ts` once the policy module is on main.
 */
import {AllowlistError} from '../errors.js'
import type {CompileObserved} from './inputs.js'

export const compileObserved: CompileObserved = async (inputs) => {
  throw new AllowlistError(
    `Unexpected log or graph input ${inputs.map((input) => `\`${input}\``).join(', ')}, expected a list file (reading logs and graphs needs the policy module)`,
    {exit: 'usage'},
  )
}
