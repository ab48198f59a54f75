-- sitrep store, version 3: an article's genre (sitrep.clean.genre). NULL for a news report;
-- "opinion" or "analysis" (an opinion piece tells all its events in passing). Articles
-- stored before this version read as news reports until they are processed again.

ALTER TABLE articles ADD COLUMN genre TEXT;
