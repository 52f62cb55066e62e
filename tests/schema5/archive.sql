BEGIN TRANSACTION;
CREATE TABLE body_dicts (   -- a listing's dictionary for its pages (archive/bodies.py)
    id INTEGER PRIMARY KEY,
    listing_url TEXT NOT NULL UNIQUE,
    dict BLOB NOT NULL                 -- zlib-compressed: the first 32 KiB of the listing's first page stored
);
INSERT INTO "body_dicts" VALUES(1,'http://127.0.0.1:45489/news/index.html',X'789CED94416FDB2014C7EFFB145C369F5C6CECA4AD8A99A8E3A8D396AA5226ADDA65A2F173EC096306786DF7E987935672265573B51CC7013D1EBCBF7EFAC383D6AE95480AB5CD025001A3775DF9C8681DB36BB8B714FB80F6126DA4B0360B94CF05EC0D950DA302D506AA2CC04312370EDA303E19D42EBE5BB0B6E9545366118F2F499E2CD262B69C47A7F119394F787A39CBE78BD3E26C791EB0BCEBD5A69148686DBA9F60D15D5F6EC1A14110C5140B86A8D542B118AD84D9D48844644EF12E45355BF76D2BCC23EAAAA70A547506191025187B42B166147BDA1791C9B191C908994C4226AF444E8E8D9C8C909349C8C92B91D36323A723E47412723A09B96A24586C4077C6F9E7ACCBEAFD6DC8DB5F2197DBCE34AE6E33FE659D86572B9E87EB2B4E66F377A2D517FB43B98112946B84CCF8C70FBCB8E5AB9B4FC55BB21CD06212C53EEC6D08C27A711FDBC44FE2DEA6DF0CFCE8C1BA91D64238C89EEB3E47BBF175B45F3CE8C680CD9279148DD2EB66AB84EB0D64D1BF8D38605CA95E48B4770369E1A7C386E4DAF80B3AF4FD66776CB0DDD580C458629AEBE4BFEB7FBA7EF8A7BCE83AF9ABEBB8978C565DE7C0F8FE524E6C1CC54F6B8AF75F3F1E5A95FD06F5EBDE64');
CREATE TABLE capture_bodies (
    digest TEXT PRIMARY KEY,           -- sha256 of the body as received
    body BLOB NOT NULL,                -- zlib-compressed, with body_dicts' dictionary dict_id (NULL: none)
    size INTEGER NOT NULL,
    dict_id INTEGER REFERENCES body_dicts(id)
);
INSERT INTO "capture_bodies" VALUES('6dcf416c3aacb7f7762594f02d9b3d40dabb3d7a35e92afff4a3cece44171a11',X'78BBF5EBDE64B319AD1746EB85D17A61B45E20AE841AAD174648BD0000F5EBDE64',1560,1);
INSERT INTO "capture_bodies" VALUES('165aac1a5a181ec9c4f69998d60655367a0ec4e91481c8ba9d893146d156ed84',X'78BBF5EBDE64B3A16DBDE0E6E6EAEAE2E2ECECE4E4E8686060696961616E6E66666A6A62626C6C6464683808EB050A9D3C10F502854E1E887A8142270FCD7AC188CC12CA68004A28A361532F0CFD501F807A010025A2DE6A',1560,1);
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
INSERT INTO "captures" VALUES(1,1,'http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,'2026-12-07T21:31:01+00:00',200,'{"date": "Mon, 07 Dec 2026 21:31:01 GMT", "content-type": "text/html; charset=utf-8", "etag": "\"aede910c9a9ba95c\"", "x-listing-archive-read-with": "auto"}','6dcf416c3aacb7f7762594f02d9b3d40dabb3d7a35e92afff4a3cece44171a11','[]',NULL);
INSERT INTO "captures" VALUES(2,2,'http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,'2026-12-07T21:31:08+00:00',200,'{"date": "Mon, 07 Dec 2026 21:31:07 GMT", "content-type": "text/html; charset=utf-8", "etag": "\"0944402109adff90\"", "x-listing-archive-read-with": "auto"}','165aac1a5a181ec9c4f69998d60655367a0ec4e91481c8ba9d893146d156ed84','[]',NULL);
CREATE TABLE crawl_activity (  -- a finished site crawl's events counted by listing (archive/activity.py)
    crawl_id INTEGER PRIMARY KEY REFERENCES crawls(id),
    counts TEXT NOT NULL               -- JSON: [[listing_url, listing title, kind, count], ...]
);
INSERT INTO "crawl_activity" VALUES(1,'[["http://127.0.0.1:45489/news/index.html", "News", "new", 6]]');
INSERT INTO "crawl_activity" VALUES(2,'[["http://127.0.0.1:45489/news/index.html", "News", "new", 6], ["http://127.0.0.1:45489/news/index.html", "News", "removed", 6]]');
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
INSERT INTO "crawls" VALUES(1,'listing','["http://127.0.0.1:45489/news/index.html"]','2026-12-07T21:31:00+00:00','2026-12-07T21:31:01+00:00','complete','site',0,1,6,6,0,0,0,0,'0.1.0','{"ARCHIVE_IGNORE_FIELDS": [], "AUTOTHROTTLE_ENABLED": true, "DOWNLOAD_DELAY": 1.0, "DOWNLOAD_MAXSIZE": 16777216, "LISTING_MAX_PAGES": 1000, "RETRY_TIMES": 3, "ROBOTSTXT_OBEY": true, "USER_AGENT": "listing-archive/0.1.0 (+research archive of listing pages)", "profile": "auto"}',NULL);
INSERT INTO "crawls" VALUES(2,'listing','["http://127.0.0.1:45489/news/index.html"]','2026-12-07T21:31:06+00:00','2026-12-07T21:31:08+00:00','complete','site',0,1,6,6,0,6,0,0,'0.1.0','{"ARCHIVE_IGNORE_FIELDS": [], "AUTOTHROTTLE_ENABLED": true, "DOWNLOAD_DELAY": 1.0, "DOWNLOAD_MAXSIZE": 16777216, "LISTING_MAX_PAGES": 1000, "RETRY_TIMES": 3, "ROBOTSTXT_OBEY": true, "USER_AGENT": "listing-archive/0.1.0 (+research archive of listing pages)", "profile": "auto"}',NULL);
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
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 1','Summary of item 1 for readers.',NULL,NULL,'1 March 2026','2026-03-01','2026-03-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',1,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 2','Summary of item 2 for readers.',NULL,NULL,'2 March 2026','2026-03-02','2026-03-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',2,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 3','Summary of item 3 for readers.',NULL,NULL,'3 March 2026','2026-03-03','2026-03-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',3,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 4','Summary of item 4 for readers.',NULL,NULL,'4 March 2026','2026-03-04','2026-03-04','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',4,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','http://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','Annual report part 1','Part 1 of the annual report.',NULL,NULL,'1 April 2026','2026-04-01','2026-04-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',5,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','http://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','Annual report part 2','Part 2 of the annual report.',NULL,NULL,'2 April 2026','2026-04-02','2026-04-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',6,'en','removed',1,'2026-12-07T21:31:01+00:00','2026-12-07T21:31:01+00:00',1,1,'2026-12-07T21:31:08+00:00',2);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-1.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/item-1.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 1','Summary of item 1 for readers.',NULL,NULL,'1 March 2026','2026-03-01','2026-03-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',1,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-2.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/item-2.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 2','Summary of item 2 for readers.',NULL,NULL,'2 March 2026','2026-03-02','2026-03-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',2,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-3.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/item-3.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 3','Summary of item 3 for readers.',NULL,NULL,'3 March 2026','2026-03-03','2026-03-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',3,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/news/item-4.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/item-4.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 4','Summary of item 4 for readers.',NULL,NULL,'4 March 2026','2026-03-04','2026-03-04','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',4,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','http://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','Annual report part 1','Part 1 of the annual report.',NULL,NULL,'1 April 2026','2026-04-01','2026-04-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',5,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
INSERT INTO "entries" VALUES('https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','http://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','Annual report part 2','Part 2 of the annual report.',NULL,NULL,'2 April 2026','2026-04-02','2026-04-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',6,'en','listed',1,'2026-12-07T21:31:08+00:00','2026-12-07T21:31:08+00:00',2,2,NULL,NULL);
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
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','Annual report part 1','Part 1 of the annual report.',NULL,NULL,'1 April 2026','2026-04-01','2026-04-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',5,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','Annual report part 1','Part 1 of the annual report.',NULL,NULL,'1 April 2026','2026-04-01','2026-04-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',5,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','Annual report part 2','Part 2 of the annual report.',NULL,NULL,'2 April 2026','2026-04-02','2026-04-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',6,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','Annual report part 2','Part 2 of the annual report.',NULL,NULL,'2 April 2026','2026-04-02','2026-04-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',6,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 1','Summary of item 1 for readers.',NULL,NULL,'1 March 2026','2026-03-01','2026-03-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',1,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-1.html;jsessionid=FFEEDDCCBBAA00998877665544332211',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/news/item-1.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 1','Summary of item 1 for readers.',NULL,NULL,'1 March 2026','2026-03-01','2026-03-01','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',1,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 2','Summary of item 2 for readers.',NULL,NULL,'2 March 2026','2026-03-02','2026-03-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',2,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-2.html;jsessionid=FFEEDDCCBBAA00998877665544332211',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/news/item-2.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 2','Summary of item 2 for readers.',NULL,NULL,'2 March 2026','2026-03-02','2026-03-02','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',2,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 3','Summary of item 3 for readers.',NULL,NULL,'3 March 2026','2026-03-03','2026-03-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',3,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-3.html;jsessionid=FFEEDDCCBBAA00998877665544332211',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/news/item-3.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 3','Summary of item 3 for readers.',NULL,NULL,'3 March 2026','2026-03-03','2026-03-03','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',3,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9',1,1,1,1796679061,0,0,'http://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','Council approves budget item 4','Summary of item 4 for readers.',NULL,NULL,'4 March 2026','2026-03-04','2026-03-04','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',4,'en');
INSERT INTO "entry_versions" VALUES('https://127.0.0.1:45489/news/item-4.html;jsessionid=FFEEDDCCBBAA00998877665544332211',1,2,2,1796679068,0,0,'http://127.0.0.1:45489/news/item-4.html;jsessionid=FFEEDDCCBBAA00998877665544332211','Council approves budget item 4','Summary of item 4 for readers.',NULL,NULL,'4 March 2026','2026-03-04','2026-03-04','day',NULL,NULL,NULL,NULL,'[]',NULL,NULL,'http://127.0.0.1:45489/news/index.html','News',4,'en');
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
INSERT INTO "listing_crawls" VALUES(1,'http://127.0.0.1:45489/news/index.html',1,0,6,1,'{"url": 6, "description": 6, "group_month": 0, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(2,'http://127.0.0.1:45489/news/index.html',1,0,6,1,'{"url": 6, "description": 6, "group_month": 0, "credit": 0, "image_url": 0}');
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
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,1,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,2,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,3,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,4,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,5,1);
INSERT INTO "sightings" VALUES(1,'https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,6,1);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/news/item-1.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,1,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/news/item-2.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,2,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/news/item-3.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,3,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/news/item-4.html;jsessionid=FFEEDDCCBBAA00998877665544332211','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,4,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,5,2);
INSERT INTO "sightings" VALUES(2,'https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000002','http://127.0.0.1:45489/news/index.html','http://127.0.0.1:45489/news/index.html',1,NULL,6,2);
CREATE TABLE status_events (  -- removed and restored; the view events adds new and changed (the versions)
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,                -- removed, restored
    version INTEGER,
    at TEXT NOT NULL
);
INSERT INTO "status_events" VALUES(1,2,'https://127.0.0.1:45489/news/item-1.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','removed',1,'2026-12-07T21:31:08+00:00');
INSERT INTO "status_events" VALUES(2,2,'https://127.0.0.1:45489/news/item-2.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','removed',1,'2026-12-07T21:31:08+00:00');
INSERT INTO "status_events" VALUES(3,2,'https://127.0.0.1:45489/news/item-3.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','removed',1,'2026-12-07T21:31:08+00:00');
INSERT INTO "status_events" VALUES(4,2,'https://127.0.0.1:45489/news/item-4.html;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9','removed',1,'2026-12-07T21:31:08+00:00');
INSERT INTO "status_events" VALUES(5,2,'https://127.0.0.1:45489/files/report-1.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','removed',1,'2026-12-07T21:31:08+00:00');
INSERT INTO "status_events" VALUES(6,2,'https://127.0.0.1:45489/files/report-2.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000001','removed',1,'2026-12-07T21:31:08+00:00');
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
