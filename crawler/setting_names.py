"""What the command line and a config's `[settings]` both check, without loading Scrapy."""

# The settings that name a file or folder: `-s LOG_FILE="$LOG"` with LOG unset, or a config's `LOG_FILE = ""`,
# logged to standard error instead, and `-s JOBDIR=` crawled with no queue to resume, unsaid; an empty one is refused
# as an empty option is.
FILE_SETTINGS = frozenset(
    {"LOG_FILE", "JOBDIR", "HTTPCACHE_DIR", "FILES_STORE", "IMAGES_STORE", "FEED_URI", "FEED_TEMPDIR"}
    | {"TEMPLATES_DIR", "RENDER_BROWSER"}
)
# What an option given an empty value hears (`--db "$DB"` with DB unset), and a -s setting naming a file.
EMPTY_VALUE = "empty; give a value, or leave the option out"
