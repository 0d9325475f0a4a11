import {describe, expect, it} from 'vitest'
import {overlaps, parseCidr, parseProcRoutes, pickFreeSubnet} from '../../src/capture/subnet.js'

const PROC_ROUTE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
lxdbr0\t0000100A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
`

describe('subnets', () => {
  it('should parse LXD addresses with host bits and reject other values', () => {
    expect(parseCidr('10.1.2.1/24')).toEqual({network: 0x0a010200, mask: 0xffffff00})
    expect([parseCidr('none'), parseCidr('auto'), parseCidr('10.1.2.300/24')]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('should read host routes without the default route', () => {
    expect(parseProcRoutes(PROC_ROUTE)).toEqual([
      parseCidr('192.0.2.0/24'),
      parseCidr('10.16.0.0/16'),
    ])
  })

  it('should detect overlap in both directions', () => {
    const wide = parseCidr('10.16.0.0/16')!
    const narrow = parseCidr('10.16.5.1/24')!
    expect([
      overlaps(wide, narrow),
      overlaps(narrow, wide),
      overlaps(narrow, parseCidr('10.17.5.1/24')!),
    ]).toEqual([true, true, false])
  })

  it('should never pick a taken range', () => {
    const taken = parseProcRoutes(PROC_ROUTE)
    // The first two candidates fall into 10.16.0.0/16; the third is free.
    const draws = [0, 0.5, 0, 0.6, 0.01, 0.02]
    let index = 0
    expect(pickFreeSubnet(taken, () => draws[index++] ?? 0.5)).toBe('10.18.5.1/24')
  })

  it('should give up when everything is taken', () => {
    expect(pickFreeSubnet([parseCidr('10.0.0.0/8')!])).toBeUndefined()
  })
})
