import {describe, expect, it} from 'vitest'
import {isHostname} from '../../src/graph/hostname.js'

describe('isHostname', () => {
  it.each([
    'example.com',
    'a.b.c.example.co.jp',
    'xn--bcher-kva.example',
    '_acme-challenge.example.com',
    'localhost',
    'a-1.example.com',
    `${'a'.repeat(63)}.com`,
  ])('should accept `%s`', (name) => {
    expect(isHostname(name)).toBe(true)
  })

  it.each([
    '',
    'example.com.',
    '.example.com',
    'a..example.com',
    'pipe|name.bad-host.net',
    'less<than>.bad-host.net',
    'semi;colon.example.com',
    'quote".example.com',
    'space name.example.com',
    '*.example.com',
    '<name unprintable>',
    '-lead.example.com',
    'trail-.example.com',
    'Upper.example.com',
    'example._tcp',
    '10.0.0.1',
    'x.123',
    `${'a'.repeat(64)}.com`,
    `${'a.'.repeat(126)}com`,
    'newline\n.example.com',
  ])('should reject %j', (name) => {
    expect(isHostname(name)).toBe(false)
  })
})
