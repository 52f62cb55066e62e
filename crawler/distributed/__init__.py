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
"""
