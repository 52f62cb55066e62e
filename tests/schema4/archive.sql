BEGIN TRANSACTION;
CREATE TABLE capture_bodies (
    digest TEXT PRIMARY KEY,           -- sha256 of the body as received
    body BLOB NOT NULL,                -- zlib-compressed
    size INTEGER NOT NULL
);
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
INSERT INTO "crawls" VALUES(1,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-01T07:00:00+00:00','2024-01-01T21:00:00+00:00','complete','site',0,2,5,5,0,0,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(2,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-02T04:00:00+00:00','2024-01-02T18:00:00+00:00','complete','site',0,2,5,1,1,1,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(3,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-03T01:00:00+00:00','2024-01-03T15:00:00+00:00','complete','site',0,2,6,2,1,1,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(4,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-03T22:00:00+00:00','2024-01-04T12:00:00+00:00','complete','site',0,2,5,1,2,2,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(5,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-04T19:00:00+00:00','2024-01-05T09:00:00+00:00','complete','site',0,2,5,1,3,1,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(6,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-05T16:00:00+00:00','2024-01-06T06:00:00+00:00','partial','site',0,2,6,1,2,0,1,1,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(7,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-06T13:00:00+00:00','2024-01-07T03:00:00+00:00','complete','site',0,2,6,1,3,2,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(8,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-07T10:00:00+00:00','2024-01-08T00:00:00+00:00','complete','site',0,2,5,1,2,2,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(9,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-08T07:00:00+00:00','2024-01-08T21:00:00+00:00','complete','reparse',0,2,5,1,3,1,0,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(10,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-09T04:00:00+00:00','2024-01-09T18:00:00+00:00','complete','site',0,2,6,1,3,1,1,0,'0.1.0','{}',NULL);
INSERT INTO "crawls" VALUES(11,'ilo','["https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"]','2024-01-10T01:00:00+00:00','2024-01-10T15:00:00+00:00','complete','site',0,2,6,1,2,1,0,0,'0.1.0','{}',NULL);
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
INSERT INTO "entries" VALUES('WCMS_1','https://www.ilo.org/x/WCMS_1/lang--en/index.htm','Changing title 10','About WCMS_1','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',2,'en','listed',11,'2024-01-01T14:00:00+00:00','2024-01-10T08:00:00+00:00',1,11,NULL,NULL);
INSERT INTO "entries" VALUES('WCMS_2','https://www.ilo.org/x/WCMS_2/lang--en/index.htm','Title of WCMS_2',NULL,'January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','listed',2,'2024-01-01T14:00:00+00:00','2024-01-10T08:00:00+00:00',1,11,NULL,NULL);
INSERT INTO "entries" VALUES('WCMS_4','https://www.ilo.org/x/WCMS_4/lang--en/index.htm','Four, back and renamed','About WCMS_4','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/b/lang--en/index.htm','Listing b/',1,'en','listed',2,'2024-01-01T14:00:00+00:00','2024-01-10T08:00:00+00:00',1,11,NULL,NULL);
INSERT INTO "entries" VALUES('https://example.org/doc?id=5','https://example.org/doc?id=5','Five 2','About https://example.org/doc?id=5','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','listed',3,'2024-01-01T14:00:00+00:00','2024-01-10T08:00:00+00:00',1,11,NULL,NULL);
INSERT INTO "entries" VALUES('WCMS_100','https://www.ilo.org/x/WCMS_100/lang--en/index.htm','Only in crawl 0','About WCMS_100','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-01T14:00:00+00:00','2024-01-01T14:00:00+00:00',1,1,'2024-01-02T18:00:00+00:00',2);
INSERT INTO "entries" VALUES('WCMS_101','https://www.ilo.org/x/WCMS_101/lang--en/index.htm','Only in crawl 1','About WCMS_101','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-02T11:00:00+00:00','2024-01-02T11:00:00+00:00',2,2,'2024-01-03T15:00:00+00:00',3);
INSERT INTO "entries" VALUES('WCMS_3','https://www.ilo.org/x/WCMS_3/lang--en/index.htm','Title of WCMS_3','About WCMS_3','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/b/lang--en/index.htm','Listing b/',1,'en','listed',9,'2024-01-03T08:00:00+00:00','2024-01-10T08:00:00+00:00',3,11,NULL,NULL);
INSERT INTO "entries" VALUES('WCMS_102','https://www.ilo.org/x/WCMS_102/lang--en/index.htm','Only in crawl 2','About WCMS_102','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-03T08:00:00+00:00','2024-01-03T08:00:00+00:00',3,3,'2024-01-04T12:00:00+00:00',4);
INSERT INTO "entries" VALUES('WCMS_103','https://www.ilo.org/x/WCMS_103/lang--en/index.htm','Only in crawl 3','About WCMS_103','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-04T05:00:00+00:00','2024-01-04T05:00:00+00:00',4,4,'2024-01-05T09:00:00+00:00',5);
INSERT INTO "entries" VALUES('WCMS_104','https://www.ilo.org/x/WCMS_104/lang--en/index.htm','Only in crawl 4','About WCMS_104','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-05T02:00:00+00:00','2024-01-05T02:00:00+00:00',5,5,'2024-01-07T03:00:00+00:00',7);
INSERT INTO "entries" VALUES('WCMS_105','https://www.ilo.org/x/WCMS_105/lang--en/index.htm','Only in crawl 5','About WCMS_105','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-05T23:00:00+00:00','2024-01-05T23:00:00+00:00',6,6,'2024-01-07T03:00:00+00:00',7);
INSERT INTO "entries" VALUES('WCMS_106','https://www.ilo.org/x/WCMS_106/lang--en/index.htm','Only in crawl 6','About WCMS_106','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-06T20:00:00+00:00','2024-01-06T20:00:00+00:00',7,7,'2024-01-08T00:00:00+00:00',8);
INSERT INTO "entries" VALUES('WCMS_107','https://www.ilo.org/x/WCMS_107/lang--en/index.htm','Only in crawl 7','About WCMS_107','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-07T17:00:00+00:00','2024-01-07T17:00:00+00:00',8,8,'2024-01-08T21:00:00+00:00',9);
INSERT INTO "entries" VALUES('WCMS_108','https://www.ilo.org/x/WCMS_108/lang--en/index.htm','Only in crawl 8','About WCMS_108','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-08T14:00:00+00:00','2024-01-08T14:00:00+00:00',9,9,'2024-01-09T18:00:00+00:00',10);
INSERT INTO "entries" VALUES('WCMS_109','https://www.ilo.org/x/WCMS_109/lang--en/index.htm','Only in crawl 9','About WCMS_109','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','removed',1,'2024-01-09T11:00:00+00:00','2024-01-09T11:00:00+00:00',10,10,'2024-01-10T15:00:00+00:00',11);
INSERT INTO "entries" VALUES('WCMS_110','https://www.ilo.org/x/WCMS_110/lang--en/index.htm','Only in crawl 10','About WCMS_110','January 2024','2024-01','1 January 2024','2024-01-01','2024-01-01','day',NULL,NULL,NULL,NULL,'["ILO"]',NULL,NULL,'https://www.ilo.org/a/lang--en/index.htm','Listing a/',1,'en','listed',1,'2024-01-10T08:00:00+00:00','2024-01-10T08:00:00+00:00',11,11,NULL,NULL);
CREATE TABLE entry_versions (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES entries(entry_id),
    version INTEGER NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    capture_id INTEGER REFERENCES captures(id),
    seen_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'site',      -- site, or reparse
    changed_fields TEXT NOT NULL,      -- JSON list; [] for a first version (all of it is new)
    record TEXT NOT NULL,              -- JSON: the whole entry every 8th version, else the fields that changed
                                       -- (read whole through the view version_records: archive/versions.py)
    UNIQUE (entry_id, version)
);
INSERT INTO "entry_versions" VALUES(1,'WCMS_1',1,1,NULL,'2024-01-01T14:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_1", "entry_id": "WCMS_1", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Changing title 0", "url": "https://www.ilo.org/x/WCMS_1/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(2,'WCMS_2',1,1,NULL,'2024-01-01T14:00:00+00:00','site','[]','{"credit": "© ILO", "date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "Kept", "entry_id": "WCMS_2", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Title of WCMS_2", "url": "https://www.ilo.org/x/WCMS_2/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(3,'WCMS_4',1,1,NULL,'2024-01-01T14:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_4", "entry_id": "WCMS_4", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing b/", "listing_url": "https://www.ilo.org/b/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Four", "url": "https://www.ilo.org/x/WCMS_4/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(4,'https://example.org/doc?id=5',1,1,NULL,'2024-01-01T14:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About https://example.org/doc?id=5", "entry_id": "https://example.org/doc?id=5", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Five 0", "url": "https://example.org/doc?id=5"}');
INSERT INTO "entry_versions" VALUES(5,'WCMS_100',1,1,NULL,'2024-01-01T14:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_100", "entry_id": "WCMS_100", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 0", "url": "https://www.ilo.org/x/WCMS_100/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(6,'WCMS_1',2,2,NULL,'2024-01-02T11:00:00+00:00','site','["title"]','{"position": 2, "title": "Changing title 1"}');
INSERT INTO "entry_versions" VALUES(7,'WCMS_101',1,2,NULL,'2024-01-02T11:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_101", "entry_id": "WCMS_101", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 1", "url": "https://www.ilo.org/x/WCMS_101/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(8,'WCMS_1',3,3,NULL,'2024-01-03T08:00:00+00:00','site','["title"]','{"position": 3, "title": "Changing title 2"}');
INSERT INTO "entry_versions" VALUES(9,'WCMS_3',1,3,NULL,'2024-01-03T08:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_3", "entry_id": "WCMS_3", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing b/", "listing_url": "https://www.ilo.org/b/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Title of WCMS_3", "url": "https://www.ilo.org/x/WCMS_3/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(10,'WCMS_102',1,3,NULL,'2024-01-03T08:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_102", "entry_id": "WCMS_102", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 2", "url": "https://www.ilo.org/x/WCMS_102/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(11,'WCMS_1',4,4,NULL,'2024-01-04T05:00:00+00:00','site','["title"]','{"title": "Changing title 3"}');
INSERT INTO "entry_versions" VALUES(12,'WCMS_3',2,4,NULL,'2024-01-04T05:00:00+00:00','site','["organisers"]','{"organisers": ["ILO", "UNDP"]}');
INSERT INTO "entry_versions" VALUES(13,'WCMS_103',1,4,NULL,'2024-01-04T05:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_103", "entry_id": "WCMS_103", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 3", "url": "https://www.ilo.org/x/WCMS_103/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(14,'WCMS_1',5,5,NULL,'2024-01-05T02:00:00+00:00','site','["title"]','{"position": 2, "title": "Changing title 4"}');
INSERT INTO "entry_versions" VALUES(15,'WCMS_3',3,5,NULL,'2024-01-05T02:00:00+00:00','site','["organisers"]','{}');
INSERT INTO "entry_versions" VALUES(16,'https://example.org/doc?id=5',2,5,NULL,'2024-01-05T02:00:00+00:00','site','["title"]','{"title": "Five 1"}');
INSERT INTO "entry_versions" VALUES(17,'WCMS_104',1,5,NULL,'2024-01-05T02:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_104", "entry_id": "WCMS_104", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 4", "url": "https://www.ilo.org/x/WCMS_104/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(18,'WCMS_1',6,6,NULL,'2024-01-05T23:00:00+00:00','site','["title"]','{"position": 3, "title": "Changing title 5"}');
INSERT INTO "entry_versions" VALUES(19,'WCMS_3',4,6,NULL,'2024-01-05T23:00:00+00:00','site','["organisers"]','{"organisers": ["ILO", "UNDP"]}');
INSERT INTO "entry_versions" VALUES(20,'WCMS_105',1,6,NULL,'2024-01-05T23:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_105", "entry_id": "WCMS_105", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 5", "url": "https://www.ilo.org/x/WCMS_105/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(21,'WCMS_1',7,7,NULL,'2024-01-06T20:00:00+00:00','site','["title"]','{"title": "Changing title 6"}');
INSERT INTO "entry_versions" VALUES(22,'WCMS_3',5,7,NULL,'2024-01-06T20:00:00+00:00','site','["organisers"]','{}');
INSERT INTO "entry_versions" VALUES(23,'WCMS_106',1,7,NULL,'2024-01-06T20:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_106", "entry_id": "WCMS_106", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 6", "url": "https://www.ilo.org/x/WCMS_106/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(24,'WCMS_2',2,7,NULL,'2024-01-07T03:00:00+00:00','site','["description", "credit"]','{"credit": null, "description": null}');
INSERT INTO "entry_versions" VALUES(25,'WCMS_1',8,8,NULL,'2024-01-07T17:00:00+00:00','site','["title"]','{"position": 2, "title": "Changing title 7"}');
INSERT INTO "entry_versions" VALUES(26,'WCMS_3',6,8,NULL,'2024-01-07T17:00:00+00:00','site','["organisers"]','{"organisers": ["ILO", "UNDP"]}');
INSERT INTO "entry_versions" VALUES(27,'WCMS_107',1,8,NULL,'2024-01-07T17:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_107", "entry_id": "WCMS_107", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 7", "url": "https://www.ilo.org/x/WCMS_107/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(28,'WCMS_1',9,9,NULL,'2024-01-08T14:00:00+00:00','reparse','["title"]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_1", "entry_id": "WCMS_1", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 3, "title": "Changing title 8", "url": "https://www.ilo.org/x/WCMS_1/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(29,'WCMS_3',7,9,NULL,'2024-01-08T14:00:00+00:00','reparse','["organisers"]','{}');
INSERT INTO "entry_versions" VALUES(30,'https://example.org/doc?id=5',3,9,NULL,'2024-01-08T14:00:00+00:00','reparse','["title"]','{"title": "Five 2"}');
INSERT INTO "entry_versions" VALUES(31,'WCMS_108',1,9,NULL,'2024-01-08T14:00:00+00:00','reparse','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_108", "entry_id": "WCMS_108", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 8", "url": "https://www.ilo.org/x/WCMS_108/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(32,'WCMS_1',10,10,NULL,'2024-01-09T11:00:00+00:00','site','["title"]','{"position": 1, "title": "Changing title 9"}');
INSERT INTO "entry_versions" VALUES(33,'WCMS_3',8,10,NULL,'2024-01-09T11:00:00+00:00','site','["organisers"]','{"organisers": ["ILO", "UNDP"]}');
INSERT INTO "entry_versions" VALUES(34,'WCMS_4',2,10,NULL,'2024-01-09T11:00:00+00:00','site','["title"]','{"title": "Four, back and renamed"}');
INSERT INTO "entry_versions" VALUES(35,'WCMS_109',1,10,NULL,'2024-01-09T11:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_109", "entry_id": "WCMS_109", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 9", "url": "https://www.ilo.org/x/WCMS_109/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(36,'WCMS_1',11,11,NULL,'2024-01-10T08:00:00+00:00','site','["title"]','{"position": 2, "title": "Changing title 10"}');
INSERT INTO "entry_versions" VALUES(37,'WCMS_3',9,11,NULL,'2024-01-10T08:00:00+00:00','site','["organisers"]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_3", "entry_id": "WCMS_3", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing b/", "listing_url": "https://www.ilo.org/b/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Title of WCMS_3", "url": "https://www.ilo.org/x/WCMS_3/lang--en/index.htm"}');
INSERT INTO "entry_versions" VALUES(38,'WCMS_110',1,11,NULL,'2024-01-10T08:00:00+00:00','site','[]','{"date_end": "2024-01-01", "date_precision": "day", "date_start": "2024-01-01", "date_text": "1 January 2024", "description": "About WCMS_110", "entry_id": "WCMS_110", "group": "January 2024", "group_month": "2024-01", "language": "en", "listing_title": "Listing a/", "listing_url": "https://www.ilo.org/a/lang--en/index.htm", "organisers": ["ILO"], "position": 1, "title": "Only in crawl 10", "url": "https://www.ilo.org/x/WCMS_110/lang--en/index.htm"}');
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,                -- new, changed, removed, restored
    version INTEGER,
    at TEXT NOT NULL
);
INSERT INTO "events" VALUES(1,1,'WCMS_1','new',1,'2024-01-01T14:00:00+00:00');
INSERT INTO "events" VALUES(2,1,'WCMS_2','new',1,'2024-01-01T14:00:00+00:00');
INSERT INTO "events" VALUES(3,1,'WCMS_4','new',1,'2024-01-01T14:00:00+00:00');
INSERT INTO "events" VALUES(4,1,'https://example.org/doc?id=5','new',1,'2024-01-01T14:00:00+00:00');
INSERT INTO "events" VALUES(5,1,'WCMS_100','new',1,'2024-01-01T14:00:00+00:00');
INSERT INTO "events" VALUES(6,2,'WCMS_1','changed',2,'2024-01-02T11:00:00+00:00');
INSERT INTO "events" VALUES(7,2,'WCMS_101','new',1,'2024-01-02T11:00:00+00:00');
INSERT INTO "events" VALUES(8,2,'WCMS_100','removed',1,'2024-01-02T18:00:00+00:00');
INSERT INTO "events" VALUES(9,3,'WCMS_1','changed',3,'2024-01-03T08:00:00+00:00');
INSERT INTO "events" VALUES(10,3,'WCMS_3','new',1,'2024-01-03T08:00:00+00:00');
INSERT INTO "events" VALUES(11,3,'WCMS_102','new',1,'2024-01-03T08:00:00+00:00');
INSERT INTO "events" VALUES(12,3,'WCMS_101','removed',1,'2024-01-03T15:00:00+00:00');
INSERT INTO "events" VALUES(13,4,'WCMS_1','changed',4,'2024-01-04T05:00:00+00:00');
INSERT INTO "events" VALUES(14,4,'WCMS_3','changed',2,'2024-01-04T05:00:00+00:00');
INSERT INTO "events" VALUES(15,4,'WCMS_103','new',1,'2024-01-04T05:00:00+00:00');
INSERT INTO "events" VALUES(16,4,'WCMS_102','removed',1,'2024-01-04T12:00:00+00:00');
INSERT INTO "events" VALUES(17,4,'WCMS_2','removed',1,'2024-01-04T12:00:00+00:00');
INSERT INTO "events" VALUES(18,5,'WCMS_1','changed',5,'2024-01-05T02:00:00+00:00');
INSERT INTO "events" VALUES(19,5,'WCMS_3','changed',3,'2024-01-05T02:00:00+00:00');
INSERT INTO "events" VALUES(20,5,'https://example.org/doc?id=5','changed',2,'2024-01-05T02:00:00+00:00');
INSERT INTO "events" VALUES(21,5,'WCMS_104','new',1,'2024-01-05T02:00:00+00:00');
INSERT INTO "events" VALUES(22,5,'WCMS_103','removed',1,'2024-01-05T09:00:00+00:00');
INSERT INTO "events" VALUES(23,6,'WCMS_1','changed',6,'2024-01-05T23:00:00+00:00');
INSERT INTO "events" VALUES(24,6,'WCMS_3','changed',4,'2024-01-05T23:00:00+00:00');
INSERT INTO "events" VALUES(25,6,'WCMS_105','new',1,'2024-01-05T23:00:00+00:00');
INSERT INTO "events" VALUES(26,6,'WCMS_2','restored',1,'2024-01-06T06:00:00+00:00');
INSERT INTO "events" VALUES(27,7,'WCMS_1','changed',7,'2024-01-06T20:00:00+00:00');
INSERT INTO "events" VALUES(28,7,'WCMS_3','changed',5,'2024-01-06T20:00:00+00:00');
INSERT INTO "events" VALUES(29,7,'WCMS_106','new',1,'2024-01-06T20:00:00+00:00');
INSERT INTO "events" VALUES(30,7,'WCMS_2','changed',2,'2024-01-07T03:00:00+00:00');
INSERT INTO "events" VALUES(31,7,'WCMS_104','removed',1,'2024-01-07T03:00:00+00:00');
INSERT INTO "events" VALUES(32,7,'WCMS_105','removed',1,'2024-01-07T03:00:00+00:00');
INSERT INTO "events" VALUES(33,8,'WCMS_1','changed',8,'2024-01-07T17:00:00+00:00');
INSERT INTO "events" VALUES(34,8,'WCMS_3','changed',6,'2024-01-07T17:00:00+00:00');
INSERT INTO "events" VALUES(35,8,'WCMS_107','new',1,'2024-01-07T17:00:00+00:00');
INSERT INTO "events" VALUES(36,8,'WCMS_106','removed',1,'2024-01-08T00:00:00+00:00');
INSERT INTO "events" VALUES(37,8,'WCMS_4','removed',1,'2024-01-08T00:00:00+00:00');
INSERT INTO "events" VALUES(38,9,'WCMS_1','changed',9,'2024-01-08T14:00:00+00:00');
INSERT INTO "events" VALUES(39,9,'WCMS_3','changed',7,'2024-01-08T14:00:00+00:00');
INSERT INTO "events" VALUES(40,9,'https://example.org/doc?id=5','changed',3,'2024-01-08T14:00:00+00:00');
INSERT INTO "events" VALUES(41,9,'WCMS_108','new',1,'2024-01-08T14:00:00+00:00');
INSERT INTO "events" VALUES(42,9,'WCMS_107','removed',1,'2024-01-08T21:00:00+00:00');
INSERT INTO "events" VALUES(43,10,'WCMS_1','changed',10,'2024-01-09T11:00:00+00:00');
INSERT INTO "events" VALUES(44,10,'WCMS_3','changed',8,'2024-01-09T11:00:00+00:00');
INSERT INTO "events" VALUES(45,10,'WCMS_4','changed',2,'2024-01-09T11:00:00+00:00');
INSERT INTO "events" VALUES(46,10,'WCMS_4','restored',2,'2024-01-09T11:00:00+00:00');
INSERT INTO "events" VALUES(47,10,'WCMS_109','new',1,'2024-01-09T11:00:00+00:00');
INSERT INTO "events" VALUES(48,10,'WCMS_108','removed',1,'2024-01-09T18:00:00+00:00');
INSERT INTO "events" VALUES(49,11,'WCMS_1','changed',11,'2024-01-10T08:00:00+00:00');
INSERT INTO "events" VALUES(50,11,'WCMS_3','changed',9,'2024-01-10T08:00:00+00:00');
INSERT INTO "events" VALUES(51,11,'WCMS_110','new',1,'2024-01-10T08:00:00+00:00');
INSERT INTO "events" VALUES(52,11,'WCMS_109','removed',1,'2024-01-10T15:00:00+00:00');
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
INSERT INTO "listing_crawls" VALUES(1,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 4, "group_month": 4, "credit": 1, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(1,'https://www.ilo.org/b/lang--en/index.htm',1,0,1,1,'{"url": 1, "description": 1, "group_month": 1, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(2,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 4, "group_month": 4, "credit": 1, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(2,'https://www.ilo.org/b/lang--en/index.htm',1,0,1,1,'{"url": 1, "description": 1, "group_month": 1, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(3,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 4, "group_month": 4, "credit": 1, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(3,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(4,'https://www.ilo.org/a/lang--en/index.htm',1,0,3,1,'{"url": 3, "description": 3, "group_month": 3, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(4,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(5,'https://www.ilo.org/a/lang--en/index.htm',1,0,3,1,'{"url": 3, "description": 3, "group_month": 3, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(5,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(6,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,0,'{"url": 4, "description": 4, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(6,'https://www.ilo.org/b/lang--en/index.htm',1,1,2,0,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(7,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 3, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(7,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(8,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 3, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(8,'https://www.ilo.org/b/lang--en/index.htm',1,0,1,1,'{"url": 1, "description": 1, "group_month": 1, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(9,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 3, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(9,'https://www.ilo.org/b/lang--en/index.htm',1,0,1,1,'{"url": 1, "description": 1, "group_month": 1, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(10,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 3, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(10,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(11,'https://www.ilo.org/a/lang--en/index.htm',1,0,4,1,'{"url": 4, "description": 3, "group_month": 4, "credit": 0, "image_url": 0}');
INSERT INTO "listing_crawls" VALUES(11,'https://www.ilo.org/b/lang--en/index.htm',1,0,2,1,'{"url": 2, "description": 2, "group_month": 2, "credit": 0, "image_url": 0}');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('schema_version','4');
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
INSERT INTO "sightings" VALUES(1,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(1,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(1,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(1,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(1,'WCMS_100','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(2,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',2,NULL);
INSERT INTO "sightings" VALUES(2,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(2,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(2,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(2,'WCMS_101','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(3,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',3,NULL);
INSERT INTO "sightings" VALUES(3,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(3,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(3,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(3,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(3,'WCMS_102','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(4,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(4,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(4,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(4,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(4,'WCMS_103','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(5,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',2,NULL);
INSERT INTO "sightings" VALUES(5,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(5,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(5,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(5,'WCMS_104','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(6,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',3,NULL);
INSERT INTO "sightings" VALUES(6,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(6,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(6,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(6,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(6,'WCMS_105','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(7,'WCMS_106','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(8,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',2,NULL);
INSERT INTO "sightings" VALUES(8,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(8,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(8,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(8,'WCMS_107','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(9,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',3,NULL);
INSERT INTO "sightings" VALUES(9,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(9,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(9,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(9,'WCMS_108','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(10,'WCMS_109','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(11,'WCMS_1','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',2,NULL);
INSERT INTO "sightings" VALUES(11,'WCMS_2','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(11,'WCMS_3','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(11,'WCMS_4','https://www.ilo.org/b/lang--en/index.htm','https://www.ilo.org/b/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(11,'https://example.org/doc?id=5','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
INSERT INTO "sightings" VALUES(11,'WCMS_110','https://www.ilo.org/a/lang--en/index.htm','https://www.ilo.org/a/lang--en/index.htm',1,'January 2024',1,NULL);
CREATE INDEX idx_versions_crawl ON entry_versions(crawl_id);
CREATE INDEX idx_sightings_entry ON sightings(entry_id, listing_url, crawl_id);
CREATE INDEX idx_sightings_crawl ON sightings(crawl_id, listing_url);
CREATE INDEX idx_events_crawl ON events(crawl_id, kind);
CREATE INDEX idx_events_entry ON events(entry_id);
CREATE INDEX idx_captures_crawl ON captures(crawl_id, url);
CREATE INDEX idx_captures_url ON captures(url, id);
CREATE INDEX idx_entries_url ON entries(url);
CREATE VIEW current_entries AS SELECT * FROM entries WHERE status = 'listed';
CREATE VIEW version_records AS
SELECT t.id, t.entry_id, t.version, t.crawl_id, t.capture_id, t.seen_at, t.source, t.changed_fields,
  CASE WHEN (t.version - 1) % 8 = 0 THEN t.record ELSE json_patch(k.record, t.record) END AS record
FROM entry_versions t
LEFT JOIN entry_versions k ON (t.version - 1) % 8 > 0 AND k.entry_id = t.entry_id AND k.version = t.version - (t.version - 1) % 8;
COMMIT;
