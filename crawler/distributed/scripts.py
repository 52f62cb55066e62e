"""The frontier's Lua scripts: each runs whole in Redis, so no worker sees a half-done step.

Pages wait in one queue per host (PREFIX q:HOST). The zset `hosts` holds each host with
pages waiting, scored with the moment (ms, Redis clock) its next page may be handed out,
so a worker is given pages of hosts that are ready, one per host per delay, and never
fills its slots with pages of one host that must wait (the politeness of a wide crawl).
`sched` remembers that moment for a host whose queue ran empty.
"""

NOW_MS = "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"

# push(prefix, hosts key, sched key, message, host, at the front?)
PUSH = """
local function push(prefix, hosts, sched, m, host, front)
  local q = prefix .. 'q:' .. host
  if front then redis.call('RPUSH', q, m) else redis.call('LPUSH', q, m) end
  if not redis.call('ZSCORE', hosts, host) then
    redis.call('ZADD', hosts, tonumber(redis.call('HGET', sched, host) or '0'), host)
  end
end
"""

# KEYS: hosts processing leases seen results listing problems ids attempts crawl sched unread
# ARGV: lease result fetched failed max_pages problems(JSON) requests(JSON) token prefix
# A request with `dropped` (DEPTH_LIMIT, URLLENGTH_LIMIT) is asked for, never queued: its why goes to `unread`.
COMMIT = (
    PUSH
    + """
if redis.call('HGET', KEYS[10], 'token') ~= ARGV[8] then return -2 end
local lease = ARGV[1]
if lease ~= '' then
  if redis.call('ZREM', KEYS[2], lease) == 0 then return -1 end
  redis.call('HDEL', KEYS[3], lease)
  redis.call('HDEL', KEYS[9], lease)
end
if ARGV[2] ~= '' then redis.call('RPUSH', KEYS[5], ARGV[2]) end
redis.call('HINCRBY', KEYS[6], 'pages_fetched', tonumber(ARGV[3]))
redis.call('HINCRBY', KEYS[6], 'pages_failed', tonumber(ARGV[4]))
for _, p in ipairs(cjson.decode(ARGV[6])) do redis.call('SADD', KEYS[7], p) end
local max = tonumber(ARGV[5])
local pushed = 0
for _, r in ipairs(cjson.decode(ARGV[7])) do
  if redis.call('SISMEMBER', KEYS[4], r['key']) == 0 then
    local n = tonumber(redis.call('HGET', KEYS[6], 'pages_requested') or '0')
    if max > 0 and n >= max then
      redis.call('SADD', KEYS[7], 'stopped at LISTING_MAX_PAGES=' .. ARGV[5] .. ' pages (endless pagination?)')
    else
      redis.call('SADD', KEYS[4], r['key'])
      redis.call('HINCRBY', KEYS[6], 'pages_requested', 1)
      if r['dropped'] then
        redis.call('RPUSH', KEYS[12], r['dropped'])
      else
        r['key'] = nil
        r['id'] = ARGV[8] .. ':' .. tostring(redis.call('INCR', KEYS[8]))
        push(ARGV[9], KEYS[1], KEYS[11], cjson.encode(r), r['host'], false)
        pushed = pushed + 1
      end
    end
  end
end
return pushed
"""
)

# KEYS: hosts processing leases crawl sched; ARGV: lease_ms count token delay_ms prefix
TAKE = (
    NOW_MS
    + """
local out = {}
if redis.call('HGET', KEYS[4], 'token') ~= ARGV[3] then return out end
local want, delay = tonumber(ARGV[2]), tonumber(ARGV[4])
for round = 1, want do
  local ready = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, want - #out)
  if #ready == 0 then break end
  for _, host in ipairs(ready) do
    local q = ARGV[5] .. 'q:' .. host
    local m = redis.call('RPOP', q)
    if m then
      local id = cjson.decode(m)['id']
      redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), id)
      redis.call('HSET', KEYS[3], id, m)
      out[#out + 1] = m
    end
    redis.call('HSET', KEYS[5], host, now + delay)
    if redis.call('LLEN', q) > 0 then
      redis.call('ZADD', KEYS[1], now + delay, host)
    else
      redis.call('ZREM', KEYS[1], host)
    end
  end
  if delay > 0 or #out >= want then break end
end
return out
"""
)

# KEYS: processing; ARGV: lease_ms id...
RENEW = (
    NOW_MS
    + """
local held = 0
for i = 2, #ARGV do
  held = held + redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[i])
end
return held
"""
)

# KEYS: hosts processing leases attempts sched; ARGV: max_attempts prefix
RECLAIM = (
    NOW_MS
    + PUSH
    + """
local lost = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  local m = redis.call('HGET', KEYS[3], id)
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  local n = redis.call('HINCRBY', KEYS[4], id, 1)
  if m then
    if n >= tonumber(ARGV[1]) then
      lost[#lost + 1] = m
    else
      push(ARGV[2], KEYS[1], KEYS[5], m, cjson.decode(m)['host'], true)
    end
  end
end
return lost
"""
)

# KEYS: hosts processing leases sched; ARGV: prefix front(1|0) id...
# front: a stopping worker's pages are next; a page left to another worker goes behind its host's others.
RELEASE = (
    PUSH
    + """
local n = 0
for i = 3, #ARGV do
  local m = redis.call('HGET', KEYS[3], ARGV[i])
  if redis.call('ZREM', KEYS[2], ARGV[i]) == 1 and m then
    redis.call('HDEL', KEYS[3], ARGV[i])
    push(ARGV[1], KEYS[1], KEYS[4], m, cjson.decode(m)['host'], ARGV[2] == '1')
    n = n + 1
  end
end
return n
"""
)

# The slot of one fetch. KEYS: slot hosts sched; ARGV: delay_ms min_wait_ms host default_delay_ms
# A pause longer than the crawl's delay (Retry-After, a robots.txt Crawl-delay) also holds
# back the handing out of the host's next pages.
RESERVE = (
    NOW_MS
    + """
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nxt, now + tonumber(ARGV[2]))
local delay = tonumber(ARGV[1])
if delay > 0 then redis.call('SET', KEYS[1], start + delay, 'PX', start - now + delay + 60000) end
if tonumber(ARGV[2]) > 0 or delay > tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[2], 'XX', 'GT', start + delay, ARGV[3])
  if tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0') < start + delay then
    redis.call('HSET', KEYS[3], ARGV[3], start + delay)
  end
end
return start - now
"""
)

# A worker's presence. KEYS: crawl workers stops; ARGV: token worker_id alive_ms why
# why '': it is alive for alive_ms more (Redis's clock: no machine's clock matters); else it left, saying why.
WORKER = (
    NOW_MS
    + """
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
if ARGV[4] == '' then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[2])
else
  redis.call('ZREM', KEYS[2], ARGV[2])
  redis.call('HSET', KEYS[3], ARGV[2], ARGV[4])
end
return 1
"""
)

# KEYS: workers; the workers heard from lately
LIVE_WORKERS = NOW_MS + "return redis.call('ZCOUNT', KEYS[1], now, '+inf')\n"
# KEYS: workers; the workers past their time that never said they left (died)
SILENT_WORKERS = NOW_MS + "return redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. now)\n"
