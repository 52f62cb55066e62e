BEGIN TRANSACTION;
CREATE TABLE body_dicts (   -- a listing's dictionary for its pages (archive/bodies.py)
    id INTEGER PRIMARY KEY,
    listing_url TEXT NOT NULL UNIQUE,
    dict BLOB NOT NULL                 -- zlib-compressed: the first 32 KiB of the listing's first page stored
);
INSERT INTO "body_dicts" VALUES(1,'http://127.0.0.1:36761/news/index.html',X'789CADD2C16EC2300C06E0FB9EC2D20E3D419A040A68261294729BB4C35E20B461CD0849D5A4DB78FB0586A66A12530FDCEC5FB6A54F32D6E168C048FBB64C944D04EE5C75125853517C281B3C92586267A034D2FB38734913F1804683AEAEC188C64D0975ABF6CB44DB4A7D8DCF779FDEBDF25E3B1B07D3155DB39C6F26C5749BA5333A670BBE9AACA779B69915F3EDE2F1F7D04BB733BA8420CD019C85E09AD851245200FA465A41E1599E80A52C437209B011AFB502DF2879506D6F09A4ADE0B356AD8A09781DC6481A81C4E8BF00762F00BB01603D001B0A60C301FC5E007E03C07B003E14C0FF0590CE08DC3B17542B7267832C03926B8FE4E713C99921BE01C96BD727');
CREATE TABLE capture_bodies (
    digest TEXT PRIMARY KEY,           -- sha256 of the body as received
    body BLOB NOT NULL,                -- zlib-compressed, with body_dicts' dictionary dict_id (NULL: none)
    size INTEGER NOT NULL,
    dict_id INTEGER REFERENCES body_dicts(id)
);
INSERT INTO "capture_bodies" VALUES('2e6539f9b33c536a2188191c82b8539734a98959f28cddfd100911deabcb7066',X'78BBC96BD727B3194DA6A3C974F0275300C96BD727',679,1);
INSERT INTO "capture_bodies" VALUES('d043079ef58ba9c8994b4ab0b22836130498f322037b83ff013af7d3d0e74ac0',X'78BBC96BD727B3A157327573737575717176767272743430B0B4B4B030373733333535313136363232341CF4C994480F0CDE644AA4070665320500E5C7D727',679,1);
CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    url TEXT NOT NULL,
    listing_url TEXT,
    page INTEGER,
    fetched_at TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT,                      -- JSON: content-type, etag, last-modified, date
    digest TEXT REFERENCES capture_bodies(digest),
    page_links TEXT,                   -- JSON: pagination links found (followed again on a 304)
    feed_url TEXT                      -- the RSS/Atom feed the page advertises (read as a second witness)
);
INSERT INTO "captures" VALUES(1,1,'http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,'2026-12-07T22:47:45+00:00',200,'{"date": "Mon, 07 Dec 2026 22:47:45 GMT", "content-type": "text/html; charset=utf-8", "etag": "\"e23fd4e03b36145c\"", "x-listing-archive-read-with": "auto"}','2e6539f9b33c536a2188191c82b8539734a98959f28cddfd100911deabcb7066','[]',NULL);
INSERT INTO "captures" VALUES(2,2,'http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,'2026-12-07T22:47:47+00:00',200,'{"date": "Mon, 07 Dec 2026 22:47:47 GMT", "content-type": "text/html; charset=utf-8", "etag": "\"53ac7185aeafb176\"", "x-listing-archive-read-with": "auto"}','d043079ef58ba9c8994b4ab0b22836130498f322037b83ff013af7d3d0e74ac0','[]',NULL);
CREATE TABLE crawl_activity (  -- a finished site crawl's events counted by listing (archive/activity.py)
    crawl_id INTEGER PRIMARY KEY REFERENCES crawls(id),
    counts TEXT NOT NULL               -- JSON: [[listing_url, listing title, kind, count], ...]
);
INSERT INTO "crawl_activity" VALUES(1,'[["http://127.0.0.1:36761/news/index.html", "Events", "new", 3]]');
INSERT INTO "crawl_activity" VALUES(2,'[["http://127.0.0.1:36761/news/index.html", "Events", "new", 3], ["http://127.0.0.1:36761/news/index.html", "Events", "removed", 3]]');
CREATE TABLE crawls (
    id INTEGER PRIMARY KEY,
    spider TEXT NOT NULL,
    start_urls TEXT NOT NULL,          -- JSON list
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',   -- running, complete, partial, failed
    source TEXT NOT NULL DEFAULT 'site',      -- site, or reparse (versions from a parser change)
    suspect INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    restored INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    software_version TEXT,
    settings TEXT,                     -- JSON: the settings that matter
    note TEXT
);
INSERT INTO "crawls" VALUES(1,'listing','["http://127.0.0.1:36761/news/index.html"]','2026-12-07T22:47:44+00:00','2026-12-07T22:47:45+00:00','complete','site',0,1,3,3,0,0,0,0,'0.1.0','{"ARCHIVE_IGNORE_FIELDS": [], "AUTOTHROTTLE_ENABLED": true, "DOWNLOAD_DELAY": 1.0, "DOWNLOAD_MAXSIZE": 16777216, "LISTING_MAX_PAGES": 1000, "RETRY_TIMES": 3, "ROBOTSTXT_OBEY": true, "USER_AGENT": "listing-archive/0.1.0 (+research archive of listing pages)", "profile": "auto"}',NULL);
INSERT INTO "crawls" VALUES(2,'listing','["http://127.0.0.1:36761/news/index.html"]','2026-12-07T22:47:46+00:00','2026-12-07T22:47:47+00:00','complete','site',0,1,3,3,0,3,0,0,'0.1.0','{"ARCHIVE_IGNORE_FIELDS": [], "AUTOTHROTTLE_ENABLED": true, "DOWNLOAD_DELAY": 1.0, "DOWNLOAD_MAXSIZE": 16777216, "LISTING_MAX_PAGES": 1000, "RETRY_TIMES": 3, "ROBOTSTXT_OBEY": true, "USER_AGENT": "listing-archive/0.1.0 (+research archive of listing pages)", "profile": "auto"}',NULL);
CREATE TABLE entries (
    entry_id TEXT PRIMARY KEY,
    "url" TEXT,
    "title" TEXT,
    "description" TEXT,
    "group" TEXT,
    "group_month" TEXT,
    "date_text" TEXT,
    "date_start" TEXT,
    "date_end" TEXT,
    "date_precision" TEXT,
    "credit" TEXT,
    "credit_author" TEXT,
    "credit_holder" TEXT,
    "credit_year" INTEGER,
    "organisers" TEXT,
    "organiser_text" TEXT,
    "image_url" TEXT,
    "listing_url" TEXT,
    "listing_title" TEXT,
    "position" INTEGER,
    "language" TEXT,
    status TEXT NOT NULL DEFAULT 'listed',    -- listed, removed
    version INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT, last_seen TEXT, first_crawl INTEGER, last_crawl INTEGER,
    removed_at TEXT, removed_crawl INTEGER
);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#369611d468','http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-1','Public talk on topic 1','The speaker on topic 1 and where to sit.',NULL,NULL,'1 May 2026','2026-05-01','2026-05-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',1,'en','removed',1,'2026-12-07T22:47:45+00:00','2026-12-07T22:47:45+00:00',1,1,'2026-12-07T22:47:47+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#d80d1c94e8','http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-2','Public talk on topic 2','The speaker on topic 2 and where to sit.',NULL,NULL,'2 May 2026','2026-05-02','2026-05-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',2,'en','removed',1,'2026-12-07T22:47:45+00:00','2026-12-07T22:47:45+00:00',1,1,'2026-12-07T22:47:47+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#6b59e2fd61','http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-3','Public talk on topic 3','The speaker on topic 3 and where to sit.',NULL,NULL,'3 May 2026','2026-05-03','2026-05-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',3,'en','removed',1,'2026-12-07T22:47:45+00:00','2026-12-07T22:47:45+00:00',1,1,'2026-12-07T22:47:47+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#369611d468','http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-1','Public talk on topic 1','The speaker on topic 1 and where to sit.',NULL,NULL,'1 May 2026','2026-05-01','2026-05-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',1,'en','listed',1,'2026-12-07T22:47:47+00:00','2026-12-07T22:47:47+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#d80d1c94e8','http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-2','Public talk on topic 2','The speaker on topic 2 and where to sit.',NULL,NULL,'2 May 2026','2026-05-02','2026-05-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',2,'en','listed',1,'2026-12-07T22:47:47+00:00','2026-12-07T22:47:47+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#6b59e2fd61','http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-3','Public talk on topic 3','The speaker on topic 3 and where to sit.',NULL,NULL,'3 May 2026','2026-05-03','2026-05-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',3,'en','listed',1,'2026-12-07T22:47:47+00:00','2026-12-07T22:47:47+00:00',2,2,NULL,NULL);
CREATE TABLE entry_versions (
    entry_id TEXT NOT NULL REFERENCES entries(entry_id),
    version INTEGER NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    capture_id INTEGER REFERENCES captures(id),
    seen_at INTEGER NOT NULL,          -- unix seconds, UTC (text in version_records)
    changed_fields INTEGER NOT NULL DEFAULT 0,  -- bits of version_fields: what changed (0 for a first version)
    emptied INTEGER NOT NULL DEFAULT 0,         -- bits of version_fields: the fields emptied since the keyframe
    "url",
    "title",
    "description",
    "group",
    "group_month",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "credit",
    "credit_author",
    "credit_holder",
    "credit_year",
    "organisers",
    "organiser_text",
    "image_url",
    "listing_url",
    "listing_title",
    "position",
    "language",                         -- the whole entry every 8th version, else the fields that differ from it
    PRIMARY KEY (entry_id, version)    -- (read versions whole in the view version_records: archive/versions.py)
) WITHOUT ROWID;
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#369611d468',1,1,1,1796683665,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-1','Public talk on topic 1','The speaker on topic 1 and where to sit.',NULL,NULL,'1 May 2026','2026-05-01','2026-05-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',1,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#6b59e2fd61',1,1,1,1796683665,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-3','Public talk on topic 3','The speaker on topic 3 and where to sit.',NULL,NULL,'3 May 2026','2026-05-03','2026-05-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',3,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#d80d1c94e8',1,1,1,1796683665,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#event-2','Public talk on topic 2','The speaker on topic 2 and where to sit.',NULL,NULL,'2 May 2026','2026-05-02','2026-05-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',2,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#369611d468',1,2,2,1796683667,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-1','Public talk on topic 1','The speaker on topic 1 and where to sit.',NULL,NULL,'1 May 2026','2026-05-01','2026-05-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',1,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#6b59e2fd61',1,2,2,1796683667,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-3','Public talk on topic 3','The speaker on topic 3 and where to sit.',NULL,NULL,'3 May 2026','2026-05-03','2026-05-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',3,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#d80d1c94e8',1,2,2,1796683667,0,0,'http://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#event-2','Public talk on topic 2','The speaker on topic 2 and where to sit.',NULL,NULL,'2 May 2026','2026-05-02','2026-05-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:36761/news/index.html','Events',2,'en');
CREATE TABLE listing_crawls (
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    listing_url TEXT NOT NULL,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    pages_failed INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    fill TEXT,                         -- JSON: entries with each watched field filled (health checks)
    PRIMARY KEY (crawl_id, listing_url)
);
INSERT INTO "listing_crawls" VALUES(1,'http://127.0.0.1:36761/news/index.html',1,0,3,1,'{"url": 3, "description": 3, "group_month": 0, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(2,'http://127.0.0.1:36761/news/index.html',1,0,3,1,'{"url": 3, "description": 3, "group_month": 0, "credit": 0, "image_url": 0}');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('schema_version','5');
CREATE TABLE sightings (
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    listing_url TEXT NOT NULL,
    page_url TEXT,
    page INTEGER,
    "group" TEXT,
    position INTEGER,
    capture_id INTEGER
);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#369611d468','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,1,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#d80d1c94e8','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,2,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#6b59e2fd61','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,3,1);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#369611d468','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,1,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#d80d1c94e8','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,2,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:36761/news/index.html;jsessionid=FFEEDDCCBBAA00998877665544332211#6b59e2fd61','http://127.0.0.1:36761/news/index.html','http://127.0.0.1:36761/news/index.html',1,NULL,3,2);
CREATE TABLE status_events (  -- removed and restored; the view events adds new and changed (the versions)
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,                -- removed, restored
    version INTEGER,
    at TEXT NOT NULL
);
INSERT INTO "status_events" VALUES(1,2,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#369611d468','removed',1,'2026-12-07T22:47:47+00:00');
INSERT INTO "status_events" VALUES(2,2,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#d80d1c94e8','removed',1,'2026-12-07T22:47:47+00:00');
INSERT INTO "status_events" VALUES(3,2,'https://127.0.0.1:36761/news/index.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9#6b59e2fd61','removed',1,'2026-12-07T22:47:47+00:00');
CREATE TABLE version_fields (bit INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO "version_fields" VALUES(0,'url');
INSERT INTO "version_fields" VALUES(1,'title');
INSERT INTO "version_fields" VALUES(2,'description');
INSERT INTO "version_fields" VALUES(3,'group');
INSERT INTO "version_fields" VALUES(4,'group_month');
INSERT INTO "version_fields" VALUES(5,'date_text');
INSERT INTO "version_fields" VALUES(6,'date_start');
INSERT INTO "version_fields" VALUES(7,'date_end');
INSERT INTO "version_fields" VALUES(8,'date_precision');
INSERT INTO "version_fields" VALUES(9,'credit');
INSERT INTO "version_fields" VALUES(10,'credit_author');
INSERT INTO "version_fields" VALUES(11,'credit_holder');
INSERT INTO "version_fields" VALUES(12,'credit_year');
INSERT INTO "version_fields" VALUES(13,'organisers');
INSERT INTO "version_fields" VALUES(14,'organiser_text');
INSERT INTO "version_fields" VALUES(15,'image_url');
INSERT INTO "version_fields" VALUES(16,'listing_url');
INSERT INTO "version_fields" VALUES(17,'listing_title');
INSERT INTO "version_fields" VALUES(18,'position');
INSERT INTO "version_fields" VALUES(19,'language');
CREATE INDEX idx_status_events_entry ON status_events(entry_id);
CREATE INDEX idx_status_events_crawl ON status_events(crawl_id);
CREATE INDEX idx_versions_crawl ON entry_versions(crawl_id);
CREATE INDEX idx_sightings_entry ON sightings(entry_id, listing_url, crawl_id);
CREATE INDEX idx_sightings_crawl ON sightings(crawl_id, listing_url);
CREATE INDEX idx_sightings_capture ON sightings(capture_id, crawl_id);
CREATE INDEX idx_captures_crawl ON captures(crawl_id, url);
CREATE INDEX idx_captures_url ON captures(url, id);
CREATE VIEW current_entries AS SELECT * FROM entries WHERE status = 'listed';
CREATE VIEW events AS
SELECT crawl_id * 4294967296 AS id, crawl_id, entry_id, CASE version WHEN 1 THEN 'new' ELSE 'changed' END AS kind, version, CASE WHEN typeof(entry_versions.seen_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', entry_versions.seen_at, 'unixepoch') ELSE entry_versions.seen_at END AS at FROM entry_versions
UNION ALL
SELECT crawl_id * 4294967296 + 1 + id, crawl_id, entry_id, kind, version, at FROM status_events;
CREATE VIEW version_records AS
SELECT *, json_patch('{}', json_object('entry_id', "entry_id", 'url', "url", 'title', "title", 'description', "description", 'group', "group", 'group_month', "group_month", 'date_text', "date_text", 'date_start', "date_start", 'date_end', "date_end", 'date_precision', "date_precision", 'credit', "credit", 'credit_author', "credit_author", 'credit_holder', "credit_holder", 'credit_year', "credit_year", 'organisers', json("organisers"), 'organiser_text', "organiser_text", 'image_url', "image_url", 'listing_url', "listing_url", 'listing_title', "listing_title", 'position', "position", 'language', "language")) AS record FROM (
SELECT t.entry_id, t.version, t.crawl_id, t.capture_id,
  CASE WHEN typeof(t.seen_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', t.seen_at, 'unixepoch') ELSE t.seen_at END AS seen_at,
  coalesce(c.source, 'site') AS source,
  (SELECT json_group_array(name) FROM (SELECT name FROM version_fields WHERE t.changed_fields >> bit & 1 ORDER BY bit)) AS changed_fields,
  CASE WHEN t.emptied >> 0 & 1 THEN NULL ELSE coalesce(t."url", k."url") END AS "url",
  CASE WHEN t.emptied >> 1 & 1 THEN NULL ELSE coalesce(t."title", k."title") END AS "title",
  CASE WHEN t.emptied >> 2 & 1 THEN NULL ELSE coalesce(t."description", k."description") END AS "description",
  CASE WHEN t.emptied >> 3 & 1 THEN NULL ELSE coalesce(t."group", k."group") END AS "group",
  CASE WHEN t.emptied >> 4 & 1 THEN NULL ELSE coalesce(t."group_month", k."group_month") END AS "group_month",
  CASE WHEN t.emptied >> 5 & 1 THEN NULL ELSE coalesce(t."date_text", k."date_text") END AS "date_text",
  CASE WHEN t.emptied >> 6 & 1 THEN NULL ELSE coalesce(t."date_start", k."date_start") END AS "date_start",
  CASE WHEN t.emptied >> 7 & 1 THEN NULL ELSE coalesce(t."date_end", k."date_end") END AS "date_end",
  CASE WHEN t.emptied >> 8 & 1 THEN NULL ELSE coalesce(t."date_precision", k."date_precision") END AS "date_precision",
  CASE WHEN t.emptied >> 9 & 1 THEN NULL ELSE coalesce(t."credit", k."credit") END AS "credit",
  CASE WHEN t.emptied >> 10 & 1 THEN NULL ELSE coalesce(t."credit_author", k."credit_author") END AS "credit_author",
  CASE WHEN t.emptied >> 11 & 1 THEN NULL ELSE coalesce(t."credit_holder", k."credit_holder") END AS "credit_holder",
  CASE WHEN t.emptied >> 12 & 1 THEN NULL ELSE coalesce(t."credit_year", k."credit_year") END AS "credit_year",
  CASE WHEN t.emptied >> 13 & 1 THEN NULL ELSE coalesce(t."organisers", k."organisers") END AS "organisers",
  CASE WHEN t.emptied >> 14 & 1 THEN NULL ELSE coalesce(t."organiser_text", k."organiser_text") END AS "organiser_text",
  CASE WHEN t.emptied >> 15 & 1 THEN NULL ELSE coalesce(t."image_url", k."image_url") END AS "image_url",
  CASE WHEN t.emptied >> 16 & 1 THEN NULL ELSE coalesce(t."listing_url", k."listing_url") END AS "listing_url",
  CASE WHEN t.emptied >> 17 & 1 THEN NULL ELSE coalesce(t."listing_title", k."listing_title") END AS "listing_title",
  CASE WHEN t.emptied >> 18 & 1 THEN NULL ELSE coalesce(t."position", k."position") END AS "position",
  CASE WHEN t.emptied >> 19 & 1 THEN NULL ELSE coalesce(t."language", k."language") END AS "language"
FROM entry_versions t
LEFT JOIN entry_versions k ON (t.version - 1) % 8 > 0 AND k.entry_id = t.entry_id AND k.version = t.version - (t.version - 1) % 8
LEFT JOIN crawls c ON c.id = t.crawl_id);
COMMIT;
