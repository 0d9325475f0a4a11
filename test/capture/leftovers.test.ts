import {hostname} from 'node:os'
import {describe, expect, it} from 'vitest'
import {cleanupLeftovers, formatLeftoverReport} from '../../src/capture/leftovers.js'
import {ownerIsAlive} from '../../src/capture/labels.js'
import {removeCaptureLog} from '../../src/capture/log-location.js'
import {FakeLxd} from '../support/fake-lxd.js'

const dead = `999999@${hostname()}`
const alive = `12345@${hostname()}`
const isRunning = (pid: number): boolean => pid === 12345

describe('cleanupLeftovers', () => {
  it('should remove abandoned instances and networks, restore borrowed ones, and spare live captures', async () => {
    const fake = new FakeLxd()
    const bridge = (name: string, config: Record<string, string>) =>
      fake.networkTable.set(name, {name, type: 'bridge', managed: true, description: '', config})
    bridge('allowlist-dead1', {'ipv4.address': '10.20.0.1/24', 'user.allowlist.owner': dead})
    bridge('allowlist-live1', {'ipv4.address': '10.21.0.1/24', 'user.allowlist.owner': alive})
    bridge('shared', {
      'raw.dnsmasq': 'log-queries=extra\nlog-facility=/tmp/gone.log\n',
      'user.allowlist.borrowed-by': dead,
      'user.allowlist.saved-raw-dnsmasq': 'dhcp-option=3\n',
    })
    bridge('untouched', {'raw.dnsmasq': 'x\n'})
    await fake.launch({
      name: 'allowlist-a-1',
      image: 'i',
      network: 'allowlist-dead1',
      vm: false,
      ephemeral: true,
      config: {'user.allowlist.owner': dead},
    })
    await fake.launch({
      name: 'allowlist-b-1',
      image: 'i',
      network: 'allowlist-live1',
      vm: false,
      ephemeral: true,
      config: {'user.allowlist.owner': alive},
    })
    await fake.launch({
      name: 'web',
      image: 'i',
      network: 'untouched',
      vm: false,
      ephemeral: false,
      config: {},
    })

    const report = await cleanupLeftovers(fake, isRunning)
    expect(report).toEqual({
      deletedInstances: ['allowlist-a-1'],
      deletedNetworks: ['allowlist-dead1'],
      restoredNetworks: ['shared'],
      inUse: ['instance allowlist-b-1', 'network allowlist-live1'],
    })
    expect(fake.networkTable.get('shared')?.config).toEqual({'raw.dnsmasq': 'dhcp-option=3\n'})
    expect(fake.networkTable.get('untouched')?.config).toEqual({'raw.dnsmasq': 'x\n'})
    expect([...fake.instanceTable.keys()]).toEqual(['allowlist-b-1', 'web'])
  })
})

describe('ownerIsAlive', () => {
  it('should never remove a log-facility it did not create', async () => {
    expect(await removeCaptureLog('log-facility=/var/log/dnsmasq.log\n')).toBeUndefined()
    expect(
      await removeCaptureLog('log-facility=/tmp/allowlist-capture-abc/../../etc/x\n'),
    ).toBeUndefined()
  })

  it('should treat unknown shapes as dead and other hosts as alive', () => {
    expect([
      ownerIsAlive('junk'),
      ownerIsAlive('1@another-host'),
      ownerIsAlive(dead),
      ownerIsAlive(alive, isRunning),
    ]).toEqual([false, true, false, true])
  })
})

describe('formatLeftoverReport', () => {
  it('should say one line per resource, deletions first', () => {
    expect(
      formatLeftoverReport({
        deletedInstances: ['allowlist-a-1'],
        deletedNetworks: ['allowlist-dead1'],
        restoredNetworks: ['shared'],
        inUse: ['network allowlist-live1'],
      }),
    ).toEqual([
      'deleted instance allowlist-a-1',
      'deleted network allowlist-dead1',
      'restored raw.dnsmasq of network shared',
      'left network allowlist-live1: its capture is still running',
    ])
  })
})
