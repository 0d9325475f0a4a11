import {describe, expect, it} from 'vitest'
import {EXIT_CODES_HELP, exitCodesHelp} from '../../src/exit-codes.js'

describe('exitCodesHelp', () => {
  it('should list the given codes in numeric order with their shared meaning', () => {
    expect(exitCodesHelp(['output', 'ok', 'interrupted'])).toBe(
      '0  success\n5  an output cannot be written\n130 interrupted (after cleaning up)',
    )
  })

  it("should use a command's own meaning where it gives one", () => {
    expect(exitCodesHelp(['ok', 'finding'], {finding: 'the lists differ'})).toBe(
      '0  success\n1  the lists differ',
    )
  })

  it('should keep every code in the full list', () => {
    expect(EXIT_CODES_HELP.split('\n').map((line) => line.split(' ')[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '130',
    ])
  })
})
