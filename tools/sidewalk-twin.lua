-- sidewalk-twin.lua: Wireshark dissector for the sidewalk-twin --pcap file (LINKTYPE_USER0, docs/pcap.md): the
-- pseudo-header of every radio frame, then the frame bytes (secure network frame, registration handshake messages).
--
-- Use:  wireshark -X lua_script:tools/sidewalk-twin.lua run.pcap
--       tshark -X lua_script:tools/sidewalk-twin.lua -r run.pcap -V
-- or copy this file into the personal Lua plugins folder (Help > About Wireshark > Folders).
-- It registers itself for the USER0 encapsulation (wtap_encap 45). If another USER0 dissector wins, map
-- DLT 147 to the payload protocol "swtwin" in Preferences > Protocols > DLT_USER instead.
-- Written for the Lua 5.1/5.2 API of Wireshark 3.x/4.x (no 5.3 operators).

local swt = Proto("swtwin", "sidewalk-twin radio frame")

local PSEUDO_VERSION = 1
local PSEUDO_SIZE = 44
local NONE32 = 4294967295 -- 0xFFFFFFFF: no device / no gateway
local UNKNOWN_CENTI = -32768 -- RSSI / SNR not a number

-- ---- code tables (sim/output/pcap_writer.hpp) -------------------------------------------------------------------
local link_vals = { [1] = "BLE", [2] = "FSK", [4] = "CSS" }
local dir_vals = { [0] = "uplink (device -> gateway)", [1] = "downlink (gateway -> device)" }
local message_vals = {
  [1] = "registration", [2] = "uplink", [3] = "ack", [4] = "downlink", [5] = "beacon", [255] = "other",
}
local outcome_vals = {
  [0] = "received", [1] = "below_sensitivity", [2] = "collision", [3] = "half_duplex", [4] = "gateway_busy",
  [5] = "gateway_down", [6] = "backhaul", [7] = "battery_depleted", [255] = "other",
}
local frame_dir_vals = { [0] = "uplink", [1] = "downlink" }
local hs_type_vals = {
  [1] = "M1 DeviceHello", [2] = "M2a AppKeyRequest", [3] = "M2b AppKeyResponse", [4] = "M2 ServerHello",
  [5] = "M3 DeviceConfirm", [6] = "M4 ServerConfirm", [7] = "M3a AppConfirm",
}
local curve_vals = { [0] = "X25519", [1] = "P-256" }
local curve_key_size = { [0] = 32, [1] = 65 }

-- ---- fields -----------------------------------------------------------------------------------------------------
local f = swt.fields
-- pseudo-header
f.magic = ProtoField.string("swtwin.magic", "Magic")
f.version = ProtoField.uint8("swtwin.version", "Pseudo-header version")
f.header_length = ProtoField.uint8("swtwin.header_length", "Pseudo-header length")
f.flags = ProtoField.uint8("swtwin.flags", "Flags", base.HEX)
f.flag_no_bytes = ProtoField.bool("swtwin.flags.no_bytes", "Frame bytes not captured", 8, nil, 0x01)
f.flag_partial = ProtoField.bool("swtwin.flags.partial", "Frame bytes partially captured", 8, nil, 0x02)
f.link = ProtoField.uint8("swtwin.link", "Link", base.DEC, link_vals)
f.direction = ProtoField.uint8("swtwin.direction", "Direction", base.DEC, dir_vals)
f.message = ProtoField.uint8("swtwin.message", "Message", base.DEC, message_vals)
f.outcome = ProtoField.uint8("swtwin.outcome", "Outcome", base.DEC, outcome_vals)
f.reserved = ProtoField.bytes("swtwin.reserved", "Reserved")
f.channel = ProtoField.uint16("swtwin.channel", "Channel")
f.device_type = ProtoField.uint16("swtwin.device_type", "Device type")
f.rssi = ProtoField.int16("swtwin.rssi", "RSSI (0.01 dBm)")
f.snr = ProtoField.int16("swtwin.snr", "SNR (0.01 dB)")
f.frequency = ProtoField.uint32("swtwin.frequency", "Frequency (Hz)")
f.device = ProtoField.uint32("swtwin.device", "Device")
f.gateway = ProtoField.uint32("swtwin.gateway", "Gateway")
f.phy_length = ProtoField.uint32("swtwin.phy_length", "PHY length (bytes)")
f.airtime = ProtoField.uint64("swtwin.airtime", "Airtime (ns)")
-- generated from the pseudo-header, for filters
f.lost = ProtoField.bool("swtwin.lost", "Lost (outcome is not received)")
f.rssi_dbm = ProtoField.double("swtwin.rssi_dbm", "RSSI (dBm)")
f.snr_db = ProtoField.double("swtwin.snr_db", "SNR (dB)")
f.frequency_mhz = ProtoField.double("swtwin.frequency_mhz", "Frequency (MHz)")
f.airtime_ms = ProtoField.double("swtwin.airtime_ms", "Airtime (ms)")
f.data = ProtoField.bytes("swtwin.data", "Frame bytes")
-- secure network frame (docs/security.md, "Network frame"; integers big-endian)
f.net_version = ProtoField.uint8("swtwin.net.version", "Version")
f.net_direction = ProtoField.uint8("swtwin.net.direction", "Direction", base.DEC, frame_dir_vals)
f.net_epoch = ProtoField.uint8("swtwin.net.epoch", "Key epoch")
f.net_sender = ProtoField.uint32("swtwin.net.sender_id", "Sender / TX id", base.DEC_HEX)
f.net_counter = ProtoField.uint32("swtwin.net.counter", "Counter")
f.net_ciphertext = ProtoField.bytes("swtwin.net.ciphertext", "Ciphertext (sealed application part)")
f.net_ciphertext_len = ProtoField.uint32("swtwin.net.ciphertext_length", "Ciphertext length")
f.net_tag = ProtoField.bytes("swtwin.net.tag", "GCM tag")
f.net_nonce = ProtoField.bytes("swtwin.net.nonce", "Nonce (IV)")
-- registration handshake messages (docs/security.md, "Message layouts")
f.hs_type = ProtoField.uint8("swtwin.hs.type", "Message type", base.HEX, hs_type_vals)
f.hs_version = ProtoField.uint8("swtwin.hs.version", "Version")
f.hs_curve = ProtoField.uint8("swtwin.hs.curve", "Curve", base.DEC, curve_vals)
f.hs_device_type = ProtoField.uint16("swtwin.hs.device_type", "Device type id")
f.hs_smsn = ProtoField.bytes("swtwin.hs.smsn", "SMSN")
f.hs_ephemeral = ProtoField.bytes("swtwin.hs.ephemeral", "Ephemeral public key")
f.hs_as_ephemeral = ProtoField.bytes("swtwin.hs.as_ephemeral", "Application server ephemeral public key")
f.hs_nonce = ProtoField.bytes("swtwin.hs.nonce", "Nonce")
f.hs_net_confirm = ProtoField.bytes("swtwin.hs.network_confirm", "Network confirm")
f.hs_app_confirm = ProtoField.bytes("swtwin.hs.application_confirm", "Application confirm")
f.hs_server_confirm = ProtoField.bytes("swtwin.hs.server_confirm", "Server confirm")
f.hs_rest = ProtoField.bytes("swtwin.hs.rest", "Keys, signatures and certificate records (M1: the chain blobs)")

local ex_lost = ProtoExpert.new("swtwin.lost.expert", "Frame lost", expert.group.SEQUENCE, expert.severity.NOTE)
local ex_bad = ProtoExpert.new("swtwin.bad_header.expert", "Not a sidewalk-twin pseudo-header (version 1)",
  expert.group.MALFORMED, expert.severity.ERROR)
local ex_dir = ProtoExpert.new("swtwin.net.direction_mismatch.expert",
  "Frame direction differs from the pseudo-header direction", expert.group.PROTOCOL, expert.severity.WARN)
swt.experts = { ex_lost, ex_bad, ex_dir }

local function vs(tbl, v)
  return tbl[v] or ("unknown " .. tostring(v))
end

local function centi_text(v, unit)
  if v == UNKNOWN_CENTI then return "unknown" end
  return string.format("%.2f %s", v / 100, unit)
end

-- ---- secure network frame: version 0x01, direction, epoch, sender id (4), counter (4), ciphertext, tag (16) -----
local NET_HEADER = 11
local TAG = 16

local function looks_like_secure_frame(tvb)
  local n = tvb:len()
  return n >= NET_HEADER + TAG and tvb(0, 1):uint() == 1 and tvb(1, 1):uint() <= 1
end

local function dissect_secure_frame(tvb, pinfo, tree, pseudo_dir)
  local n = tvb:len()
  local t = tree:add(swt, tvb(), "Secure network frame (AES-128-GCM, network key)")
  t:add(f.net_version, tvb(0, 1))
  local dir_item = t:add(f.net_direction, tvb(1, 1))
  local dir = tvb(1, 1):uint()
  if pseudo_dir ~= nil and dir ~= pseudo_dir then dir_item:add_proto_expert_info(ex_dir) end
  t:add(f.net_epoch, tvb(2, 1))
  t:add(f.net_sender, tvb(3, 4))
  t:add(f.net_counter, tvb(7, 4))
  local ct_len = n - NET_HEADER - TAG
  if ct_len > 0 then
    t:add(f.net_ciphertext, tvb(NET_HEADER, ct_len))
  end
  t:add(f.net_ciphertext_len, tvb(NET_HEADER, ct_len), ct_len):set_generated()
  t:add(f.net_tag, tvb(n - TAG, TAG))
  -- IV = 'N' (0x4e) || direction || epoch || 00 x 5 || counter (BE)
  -- (a new data source, "Nonce (IV)", since the IV is not in the frame)
  local iv = ByteArray.new(string.format("4e%02x%02x0000000000", dir, tvb(2, 1):uint()))
  iv:append(tvb(7, 4):bytes())
  t:add(f.net_nonce, iv:tvb("Nonce (IV)")()):set_generated()
  t:append_text(string.format(", sender %u, counter %u, epoch %u, %u bytes sealed", tvb(3, 4):uint(),
    tvb(7, 4):uint(), tvb(2, 1):uint(), ct_len))
  pinfo.cols.info:append(string.format(" [net sender=%u ctr=%u]", tvb(3, 4):uint(), tvb(7, 4):uint()))
end

-- ---- registration handshake messages: type, version 0x01, ... ----------------------------------------------------
local function looks_like_handshake(tvb)
  local n = tvb:len()
  if n < 2 then return false end
  local ty, ver = tvb(0, 1):uint(), tvb(1, 1):uint()
  if hs_type_vals[ty] == nil or ver ~= 1 then return false end
  if ty == 5 then return n == 66 end
  if ty == 6 or ty == 7 then return n == 34 end
  if n < 3 or curve_key_size[tvb(2, 1):uint()] == nil then return false end
  local e = curve_key_size[tvb(2, 1):uint()]
  if ty == 1 then return n >= 5 + e + 16 + 628 + 820 end
  if ty == 2 then return n == 3 + 32 + e + 16 end
  if ty == 3 then return n == 3 + e + 64 + 32 end
  if ty == 4 then return n >= 3 + 2 * e + 16 end
  return false
end

local function dissect_handshake(tvb, pinfo, tree)
  local n = tvb:len()
  local ty = tvb(0, 1):uint()
  local t = tree:add(swt, tvb(), "Registration handshake: " .. hs_type_vals[ty])
  t:add(f.hs_type, tvb(0, 1))
  t:add(f.hs_version, tvb(1, 1))
  local off = 2
  if ty == 5 then
    t:add(f.hs_net_confirm, tvb(2, 32))
    t:add(f.hs_app_confirm, tvb(34, 32))
    off = 66
  elseif ty == 6 then
    t:add(f.hs_server_confirm, tvb(2, 32))
    off = 34
  elseif ty == 7 then
    t:add(f.hs_app_confirm, tvb(2, 32))
    off = 34
  else
    t:add(f.hs_curve, tvb(2, 1))
    local e = curve_key_size[tvb(2, 1):uint()]
    off = 3
    if ty == 1 then
      -- then the two chain blobs as Sidewalk publishes them; the SMSN is the first record's serial
      t:add(f.hs_device_type, tvb(3, 2))
      t:add(f.hs_ephemeral, tvb(5, e))
      t:add(f.hs_nonce, tvb(5 + e, 16))
      t:add(f.hs_smsn, tvb(21 + e, 32))
      off = 21 + e
    elseif ty == 2 then
      t:add(f.hs_smsn, tvb(3, 32))
      t:add(f.hs_ephemeral, tvb(35, e))
      t:add(f.hs_nonce, tvb(35 + e, 16))
      off = 51 + e
    elseif ty == 3 then
      t:add(f.hs_as_ephemeral, tvb(3, e))
      off = 3 + e
    elseif ty == 4 then
      t:add(f.hs_ephemeral, tvb(3, e))
      t:add(f.hs_nonce, tvb(3 + e, 16))
      t:add(f.hs_as_ephemeral, tvb(19 + e, e))
      off = 19 + 2 * e
    end
  end
  if off < n then t:add(f.hs_rest, tvb(off, n - off)) end
  pinfo.cols.info:append(" [" .. hs_type_vals[ty] .. "]")
end

-- ---- the pseudo-header and the dispatch to the frame bytes ---------------------------------------------------------
function swt.dissector(tvb, pinfo, tree)
  pinfo.cols.protocol = "Sidewalk"
  local n = tvb:len()
  local root = tree:add(swt, tvb(0, math.min(n, PSEUDO_SIZE)), "sidewalk-twin pseudo-header")
  if n < PSEUDO_SIZE or tvb(0, 2):string() ~= "SW" or tvb(2, 1):uint() ~= PSEUDO_VERSION then
    root:add_proto_expert_info(ex_bad)
    tree:add(f.data, tvb())
    return n
  end
  local hlen = tvb(3, 1):uint()
  if hlen < PSEUDO_SIZE or hlen > n then hlen = PSEUDO_SIZE end

  local link = tvb(5, 1):uint()
  local dir = tvb(6, 1):uint()
  local msg = tvb(7, 1):uint()
  local outcome = tvb(8, 1):uint()
  local channel = tvb(10, 2):le_uint()
  local rssi = tvb(14, 2):le_int()
  local snr = tvb(16, 2):le_int()
  local freq = tvb(20, 4):le_uint()
  local device = tvb(24, 4):le_uint()
  local gateway = tvb(28, 4):le_uint()
  local airtime = tvb(36, 8):le_uint64()

  root:add(f.magic, tvb(0, 2))
  root:add(f.version, tvb(2, 1))
  root:add(f.header_length, tvb(3, 1))
  local flags = root:add(f.flags, tvb(4, 1))
  flags:add(f.flag_no_bytes, tvb(4, 1))
  flags:add(f.flag_partial, tvb(4, 1))
  root:add(f.link, tvb(5, 1))
  root:add(f.direction, tvb(6, 1))
  root:add(f.message, tvb(7, 1))
  local outcome_item = root:add(f.outcome, tvb(8, 1))
  root:add(f.reserved, tvb(9, 1))
  root:add_le(f.channel, tvb(10, 2))
  root:add_le(f.device_type, tvb(12, 2))
  root:add_le(f.rssi, tvb(14, 2)):append_text(" = " .. centi_text(rssi, "dBm"))
  root:add_le(f.snr, tvb(16, 2)):append_text(" = " .. centi_text(snr, "dB"))
  root:add(f.reserved, tvb(18, 2))
  root:add_le(f.frequency, tvb(20, 4)):append_text(string.format(" = %.6f MHz", freq / 1e6))
  local dev_item = root:add_le(f.device, tvb(24, 4))
  if device == NONE32 then dev_item:append_text(" (none)") end
  local gw_item = root:add_le(f.gateway, tvb(28, 4))
  if gateway == NONE32 then gw_item:append_text(" (none: mobile app or broadcast)") end
  root:add_le(f.phy_length, tvb(32, 4))
  root:add_le(f.airtime, tvb(36, 8)):append_text(string.format(" = %.6f ms", airtime:tonumber() / 1e6))

  if outcome ~= 0 then -- present only on lost frames: the display filter "swtwin.lost" selects them
    root:add(f.lost, tvb(8, 1), true):set_generated()
    outcome_item:add_proto_expert_info(ex_lost, "Frame lost: " .. vs(outcome_vals, outcome))
  end
  if rssi ~= UNKNOWN_CENTI then root:add(f.rssi_dbm, tvb(14, 2), rssi / 100):set_generated() end
  if snr ~= UNKNOWN_CENTI then root:add(f.snr_db, tvb(16, 2), snr / 100):set_generated() end
  root:add(f.frequency_mhz, tvb(20, 4), freq / 1e6):set_generated()
  root:add(f.airtime_ms, tvb(36, 8), airtime:tonumber() / 1e6):set_generated()

  local dev_text = device == NONE32 and "-" or ("dev " .. device)
  local gw_text = gateway == NONE32 and "phone" or ("gw " .. gateway)
  local src, dst = dev_text, gw_text
  if dir ~= 0 then src, dst = gw_text, dev_text end
  pinfo.cols.src, pinfo.cols.dst = src, dst
  root:append_text(string.format(": %s %s, %s -> %s, ch %u: %s", vs(link_vals, link), vs(message_vals, msg), src,
    dst, channel, vs(outcome_vals, outcome)))
  pinfo.cols.info = string.format("%s %s ch %u %.3f MHz %s: %s", vs(link_vals, link), vs(message_vals, msg),
    channel, freq / 1e6, centi_text(rssi, "dBm"), vs(outcome_vals, outcome))

  if n <= hlen then return n end
  local frame = tvb(hlen):tvb()
  local partial = (tvb(4, 1):uint() % 4) >= 2 -- flag 0x02: fewer bytes than the PHY length, do not parse
  if partial then
    tree:add(f.data, frame())
  elseif msg == 1 and looks_like_handshake(frame) then
    dissect_handshake(frame, pinfo, tree)
  elseif msg ~= 1 and msg ~= 5 and looks_like_secure_frame(frame) then
    dissect_secure_frame(frame, pinfo, tree, dir)
  else
    tree:add(f.data, frame())
  end
  return n
end

-- ---- registration ----------------------------------------------------------------------------------------------
local USER0 = (wtap_encaps and wtap_encaps.USER0) or (wtap and wtap.USER0) or 45
DissectorTable.get("wtap_encap"):add(USER0, swt)
