#include "sim/scenario/scenario_template.hpp"

namespace st::scenario {

namespace {

constexpr std::string_view kTemplate = R"yaml(# sidewalk-twin scenario template (docs/scenario-format.md describes every key).
# 200 devices for 1 hour: most register, some are de-registered by their owners, a few are revoked (blocked),
# the network server has a short outage and some Echo bridges lose power for a while. Frames cross a modelled
# radio channel (path loss, collisions, busy gateway receivers) and every device's battery is accounted for.
# Every value with a physical meaning carries its unit:
#   times: ns us ms s min h d (e.g. 250ms, 10min, 1.5h; a bare 0 is allowed)
#   sizes: B KB KiB MB MiB    frequencies: Hz kHz MHz GHz    power: dBm    fractions: 0.02 or 2%
#   distances: m km    ratios: dB    data rates: bps kbps Mbps    currents: nA uA mA A    battery: mAh Ah
# Latencies may be a plain time (constant) or a distribution:
#   {dist: constant, value: 30ms}          {dist: uniform, min: 10ms, max: 50ms}
#   {dist: exponential, mean: 30s}         {dist: lognormal, median: 120ms, sigma: 0.3}   (sigma is unitless)
#   {dist: normal, mean: 100ms, sd: 20ms}  (truncated at 0)

scenario:                          # required: the run itself
  name: template                   # required: letters, digits, '-', '_' and '.'
  description: "200 devices: registration, de-registration, revocation and a network server outage"  # optional text
  seed: 42                         # random seed, a whole number; default 1 (the CLI --seed overrides it)
  start: 2026-01-01T00:00:00Z      # the instant simulated time 0 stands for (AWS-shaped records); this default
  duration: 1h                     # required: simulated time, > 0 and at most 365d
  sample_interval: 1min            # spacing of the states.csv rows; default 1min, > 0 and <= duration

topology:                          # optional: where devices meet the network
  radio: physical                  # physical (default): radios, path loss, collisions, energy | explicit: the
                                   #   link_model below (a latency and a loss per link, nothing else)
  propagation:                     # path loss per band; model: log_distance (default) | free_space | okumura_hata
    sub_ghz: {model: log_distance, exponent: 3.5, shadowing: 6dB, reference_distance: 1m}  # FSK and CSS (915 MHz);
                                   #   these are the defaults. okumura_hata takes environment (urban | urban_large |
                                   #   suburban | open; default suburban), base_height (30m) and mobile_height (1.5m)
    ble: {model: log_distance, exponent: 3.5, shadowing: 6dB}   # BLE (2.44 GHz); the defaults
  capture_threshold: 6dB           # a frame survives an overlapping one this much weaker; default 6dB
  fading: 2dB                      # frame-to-frame variation of the received power (log-normal); default 2dB
  noise_figure: 6dB                # receivers' noise figure; default 6dB
  ble_scan_duty: 50%               # share of BLE advertisements a gateway's scanner hears; default 50%
  ble_idle_timeout: 10s            # a BLE connection closes after this long without data; default 10s
  gateways:                        # list of gateway groups (may be empty: then nothing reaches the network)
    - name: ring-floodlight        # required, unique
      count: 20                    # gateways in the group; default 1
      links: [ble, fsk, css]       # required: non-empty subset of ble, fsk, css, no duplicates
      backhaul_latency: {dist: lognormal, median: 30ms, sigma: 0.3}  # gateway -> network server; default 30ms
      placement: {pattern: grid, spacing: 400m, origin: [0m, 0m]}   # where the gateways stand; default this grid
                                   #   (columns: default ceil(sqrt(count))); patterns: grid | disc | annulus | ring |
                                   #   line | list (see docs/scenario-format.md)
      tx_power: 20dBm              # sub-GHz transmit power, -20dBm..30dBm (capped at 20dBm); default 20dBm
      ble_tx_power: 8dBm           # BLE transmit power, -40dBm..8dBm; default 8dBm
      demodulators: 1              # sub-GHz frames it can receive at once, 1..64; default 1
      ble_connections: 1           # BLE frames it can receive at once, 1..64; default 1
      backhaul_rate: 80kbps        # Sidewalk's bandwidth cap per bridge (0bps: none); default 80kbps
      monthly_data_cap: 500MB      # Sidewalk's data cap per bridge and month (0B: none); default 500MB
      fsk_slot: 63ms               # FSK uplink slot grid, 1ms..10s; default 63ms
      beacon_period: 10080ms       # FSK beacon period, 100ms..1min; default 10080ms
    - name: echo                   # most Echo devices are BLE-only bridges
      count: 30
      links: [ble]
      backhaul_latency: 40ms
      placement: {pattern: disc, radius: 1km, center: [800m, 800m]}  # uniformly at random in a disc
  link_model:                      # radio: explicit only (ignored otherwise); a missing link or key keeps its default
    ble: {latency: 40ms, loss: 1%}       # default 40ms, 1%
    fsk: {latency: {dist: lognormal, median: 120ms, sigma: 0.3}, loss: 0.02}   # default 120ms, 2%
    css: {latency: 400ms, loss: 5%}      # default 400ms, 5%; loss is in [0, 1)

fleet:                             # required
  device_types:                    # required: a non-empty list; names unique
    - name: tracker                # required
      count: 150                   # required: devices of this type, >= 1 (at most 10000000)
      reserve: 0                   # more devices made only when the API's CreateWirelessDevice asks; default 0
      stage: production            # prototype | preproduction | production; default production
      flow: mass_production        # mass_production | prototyping; default prototyping for prototype, else
                                   #   mass_production (prototype <-> prototyping, both ways)
      developer: acme              # developer account the devices are associated with; default "default"
      device_type_id: A17XHX23H06INH   # Sidewalk DeviceTypeId, 14 letters or digits; default from the name
                                   #   ("A", its first 9 letters and digits, a 4-character checksum)
      apid: pd25                   # advertised product id, 4 letters or digits; default the name's first 4
      dsn_prefix: SN               # a device's DSN is this and its index in 7+ digits (SN0000042); default SN
                                   #   SMSN = SHA-256 of device_type_id "-" STAGE DSN apid (docs/security.md)
      links: [fsk, css]            # preferred order; default [ble]; needs ble or fsk (no registration over css);
                                   #   a device moves to its next link when one fails (link_switch notices)
      register_via: gateway        # gateway | mobile_app (mobile_app needs ble in links); default gateway
      curve: x25519                # ECDH curve of registration: x25519 | p256; default x25519
      mcu: {core: cortex-m4, clock: 64MHz, active_current: 3.3mA}   # cortex-m4 | cortex-m33 at a clock (<= 1GHz),
                                     # the current while it computes (0mA..1A); default cortex-m4, 64MHz, 3.3mA
                                   #   also: cycles: {x25519_ecdh: 548873, ...}
      manufacture: {at: 0s, over: 10min}     # first device made at `at` (default 0s), the rest spread evenly
                                             #   over `over` (default 0s); must end within the run
      register:                    # when and how the devices register
        auto: true                 # register once associated; default true (else wait for a register action)
        delay: {dist: exponential, mean: 30s}   # association to first attempt; default exponential, mean 30s
        fallback_after: 3          # attempts in a row without an answer on one link before the next link of
                                   #   the list is tried, 0..255 (0: never leave the first); default 3
      traffic:                     # while registered
        uplink_period: 5min        # mean gap between uplinks (exponential jitter); default 5min, > 0
        payload: 19B               # uplink payload size, 1B..255B; default 19B
        report: true               # the payload is a report (format 1, counter, battery %), zero-padded;
                                   #   false: random bytes; default true
        downlink_every: 4          # the application server answers every Nth uplink; default 0 (never)
        queue_limit: 8             # uplinks held while the network is unreachable; default 8
        ttl: 1h                    # a queued uplink older than this is dropped; default 1h, > 0
        back_to_preferred_after: 30min   # uplinks moved off the first link try it again after this; default 30min
      qualified: true              # production devices are made only once their type is qualified
                                   #   (here, or by a `qualify` timeline action); default false
      radio:                       # optional: the radio hardware of the type (defaults shown)
        placement: {pattern: near_gateways, radius: 25m}   # default: each device within 25m of a gateway
                                   #   serving its first link; or any gateway pattern (grid, disc, ...)
        tx_power: 20dBm            # SX1262 sub-GHz power, -20dBm..30dBm (capped at 20dBm); default 20dBm
        ble_tx_power: 0dBm         # nRF52840 BLE power, -40dBm..8dBm; default 0dBm
        fsk_rate: 50kbps           # 50kbps | 150kbps | 250kbps; default 50kbps
        css_rate: 2kbps            # 2kbps | 12.5kbps | 22kbps; default 2kbps
        fsk_rx_spacing: 3150ms     # FSK receive slot spacing, 1ms..1min; default 3150ms
        css_rx_interval: 5s        # CSS receive window interval, 1ms..1h; default 5s
        battery: 2400mAh           # battery capacity (0mAh: mains powered); default 2400mAh (two AA cells)
        mac_retries: 3             # link-layer retransmissions of a lost frame, 0..15; default 3
        sleep_current: 2uA         # system sleep current, 0..100mA; default 2uA
        ble_adv_interval: 1000ms   # a registered BLE device advertises this often, 20ms..10s; default 1000ms
        # sx1262: {tx_current: [[14dBm, 45mA], [20dBm, 90mA], [22dBm, 118mA]], rx: 4.2mA, warm_wake: 406us,
        #          wake_current: 1.6mA, synthesis_current: 2.1mA, region_max_power: 20dBm}
        #                                            # the sub-GHz radio's profile (defaults shown)
        # nrf52840: {tx_current: [[0dBm, 6.4mA], [8dBm, 16.4mA]], rx: 6.26mA}   # the BLE radio's profile
    - name: sensor
      count: 40
      stage: preproduction         # pre-production devices, for qualification
      links: [ble, fsk]
      curve: p256
      mcu: {core: cortex-m33, clock: 128MHz}
      manufacture: {at: 1min, over: 5min}
      traffic: {uplink_period: 10min, payload: 12B}
      dak_signature_limit: 500     # preproduction only: devices the DAK may sign; default 0 (unlimited)
    - name: devkit
      count: 10
      stage: prototype             # prototype devices: at most cloud.prototype_limit per developer account
      flow: prototyping            # flashed by hand, DAK held by the cloud
      developer: lab
      links: [ble]
      register_via: mobile_app     # registered from the developer's phone over BLE
      register: {auto: true, delay: {dist: uniform, min: 10s, max: 2min}}
    # - name: field-units          # a device type made of real devices (docs/real-formats.md)
    #   qualified: true            #   (no count: one device per file; the type's other keys as above)
    #   import:
    #     devices: imported/devices        # a folder of device files, *.json: GetWirelessDevice responses or
    #                                      #   the console's certificate.json; relative to this file
    #     profile: imported/profile.json   # the GetDeviceProfile file
    #     app_server_key: imported/as.hex  # optional: the application server's Ed25519 private key, 64 hex

cloud:                             # optional; every key is optional (defaults shown)
  ingest_latency: 2s               # manufacturing (EDI) ingest of control-log records; default 2s
  # trusted_roots: imported/roots.json  # the AMZN roots the cloud trusts for imported devices besides its own:
  #                                #   {"ed25519": {"public_key", "serial"}, "p256r1": {...}}; default none
  association_latency: 200ms       # cloud partner create + associate; default 200ms
  network_server_latency: 20ms     # default 20ms
  cloud_partner_latency: 40ms      # default 40ms
  application_server_latency: 30ms # default 30ms
  mobile_app_latency: 300ms        # phone <-> cloud; default 300ms
  ingest_fault_rate: 0%            # share of control-log records corrupted on the way to ingest, [0, 1); default 0
  prototype_limit: 1000            # prototype devices per developer account, >= 1; default 1000
  handshake_timeout: 10s           # a registration handshake not finished in this time fails; default 10s
  backoff: {initial: 2s, max: 5min}  # retry backoff after a failure (doubles up to max); default 2s, 5min
  ack_timeout: 5s                  # an uplink not acknowledged in this time is retried later; default 5s
  destination: {name: SidewalkDestination, topic: sidewalk/app_data}  # the devices' destination and the MQTT
  #                                #   topic `run --mqtt` publishes their uplinks on; these are the defaults
  destination_buffer: 10000        # uplinks the cloud partner holds while the application server is down

timeline:                          # optional list of actions; `at` is within [0, duration]
  # action: register | deregister | revoke_device | revoke_device_type | developer_revoke | outage | qualify |
  #         replay_attack | forge_attack
  # keys: device_type (default: every type; required by revoke_device_type and qualify), fraction (default
  # 100%, in (0, 1]) or count (exact number of devices, takes precedence), repeat (default 1) with every
  # (required when repeat > 1; the last repetition must be within the run). outage: target and for, required;
  # an outage of gateways may name a gateway_group and take a fraction or count of its gateways.
  - at: 30min                      # required: when, within [0, duration]
    action: deregister             # required: end customers de-register 10% of the trackers
    device_type: tracker           # default: every device type
    fraction: 10%                  # share of the eligible devices, in (0, 1]; default 100%
  - at: 40min
    action: revoke_device          # Sidewalk revokes the certificates of 5 trackers: they end up blocked
    device_type: tracker
    count: 5                       # an exact number of devices (>= 1); takes precedence over fraction
  - at: 45min
    action: outage                 # an actor is down for a while
    target: network_server         # network_server | application_server | ingest | gateways
    for: 2min                      # > 0; the outage must end within the run
  - at: 20min
    action: outage                 # a fifth of the Echo bridges lose power for 5 minutes: their devices
    target: gateways               #   move to another gateway in range, or wait
    gateway_group: echo            # one group (default: gateways of every group)
    fraction: 20%                  # share of its gateways (or count: an exact number); default 100%
    for: 5min
  - at: 50min
    action: replay_attack          # an adversary replays recorded uplinks (they must be rejected)
    device_type: sensor
    count: 3
  # - at: 5min
  #   action: register             # start registration of devices that do not register on their own
  #   device_type: devkit          #   (register: {auto: false})
  # - at: 20min
  #   action: qualify              # the type passes qualification: its production devices are made from then
  #   device_type: tracker         #   (only for a type with qualified: false)
  # - at: 50min
  #   action: developer_revoke     # the developer withdraws permission for some of its devices
  #   device_type: devkit
  #   fraction: 50%
  # - at: 55min
  #   action: revoke_device_type   # Sidewalk revokes a whole device type (its DAK)
  #   device_type: sensor
  # - at: 10min
  #   action: forge_attack         # an adversary injects uplinks with forged tags, 3 times 10 minutes apart
  #   repeat: 3
  #   every: 10min

expect:                            # optional assertions, checked at the end with --check
  # state: created | associated | registered | deregistered | blocked | rejected (states.csv columns), at a time
  #   within the run or `end` (default), optionally of one device_type; bounds: min/max/equals (device counts) or
  #   min_fraction/max_fraction (of the fleet, or of the type), not both.
  # handshake_latency: p50 | p95 | p99 of successful handshakes; bounds are times (min/max/equals).
  # counter: a summary counter (docs/scenario-format.md lists them); bounds min/max/equals.
  # ratio: [counter, counter]: the first over the second (0 when the second is 0); bounds min/max/equals in [0, 1].
  - state: registered             # devices in this state (a states.csv column)...
    at: 30min                      # ...at this time (default: end)...
    min_fraction: 50%              # ...are at least half the fleet (max_fraction: an upper bound)
  - state: deregistered
    device_type: tracker           # count only this device type (default: the whole fleet)
    min: 1                         # a lower bound on the device count: some trackers were de-registered
  - state: blocked
    at: end
    min: 1                         # revoked devices are blocked
    max: 5                         # an upper bound on the device count
  - handshake_latency: p95         # a percentile of successful handshake latencies (p50, p95, p99)
    max: 30s                       # successful handshakes stay well under the handshake timeout
  - counter: uplinks_accepted_from_blocked  # a summary counter
    equals: 0                      # nothing from a blocked device is ever accepted
  - ratio: [uplinks_delivered, uplinks_sent]   # uplinks that reached the application server...
    min: 80%                       # ...over uplinks the devices' applications produced
  # - counter: uplinks_rejected.replay
  #   min: 1                       # per-cause counters: <counter>.<cause>
  # - ratio: [radio_received.fsk, radio_frames.fsk]
  #   min: 90%                     # FSK frames received, per link (radio counters: docs/scenario-format.md)
)yaml";

}  // namespace

std::string_view scenario_template() { return kTemplate.substr(0); }

}  // namespace st::scenario
