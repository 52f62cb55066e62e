"""A crawl shared by many worker processes through a Redis frontier (issue 14).

- frontier: the Redis side (redis-py and a few Lua scripts): the queue of pages to
  fetch, leases on the pages a worker holds, the pages already asked for, the
  per-listing counts, the results waiting for the archive writer, per-host slots.
- spider: a ListingSpider whose requests and accounting go to the frontier, each
  page's outcome in one atomic step with the release of its lease.
- middlewares: politeness shared across workers; conditional requests from the
  validators the coordinator put in the frontier.
- worker: `listing-archive worker`: joins the crawl in a frontier and fetches.
- codec: items as JSON (bytes base64), never pickle.

The archive side (the one writer) is archive.coordinator; nothing here imports archive/.

Why not scrapy-redis: 0.9.1 installs and imports with Scrapy 2.19, but its pops are
destructive (a worker killed with SIGKILL loses the requests it had taken), its default
serializer is pickle, its queue is one list for all hosts, and it keeps no per-listing
counts. Its model is kept (Scrapy processes sharing a Redis queue and a Redis set of
requests seen) and driven through redis-py, with leases, per-host queues and one
atomic step per page added.
"""
