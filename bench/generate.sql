-- bench/generate.sql: loads N synthetic, realistic-looking diplomatic meetings into a freshly migrated database.
--
--   psql -X -v n=1000000 -f bench/generate.sql "host=127.0.0.1 port=55440 dbname=diplomacy user=postgres"
--
-- Variables (psql -v): n (meetings, default 1000000), persons (default min(50000, max(1000, n/20))),
-- seed (setseed() value, default 0.42). The same n, persons and seed give the same rows: ids are
-- md5('bench-<kind>:<number>')::uuid and every random choice comes from one random() sequence, drawn in a fixed
-- order (parallel query is off while drawing). bench/README.md describes the distributions.
--
-- Everything is loaded in one transaction. While loading, the foreign keys, primary keys, unique constraints and
-- indexes of the tables written to are dropped and then rebuilt from their own definitions (read from the catalog
-- first), which validates every row; CHECK constraints stay on throughout. The search documents are then made
-- by the schema's meeting_document()/agreement_document(), so they are exactly what the API's writes store.
\set ON_ERROR_STOP on
\set QUIET on
\encoding UTF8
\pset footer off
\pset tuples_only on
\pset format unaligned
\if :{?n}
\else
  \set n 1000000
\endif
\if :{?seed}
\else
  \set seed 0.42
\endif
\if :{?persons}
\else
  SELECT least(50000, greatest(1000, :n / 20)) AS persons \gset
\endif

SET client_min_messages = warning;
-- auto_explain would log a plan for each of the millions of nested statements below.
SET auto_explain.log_min_duration = -1;
SET synchronous_commit = off;
SET temp_buffers = '1GB';
SET work_mem = '256MB';
-- One random() sequence, drawn in plan order: keep plans serial (and so repeatable) while drawing.
SET max_parallel_workers_per_gather = 0;
SET jit = off;
-- No user trigger fires while loading: the triggers of 0025, which drop the kept documents of the meetings a write
-- changes, have none to drop in a new database (and would join tables whose indexes are dropped below). Foreign
-- keys do not depend on this: they are added again, and checked, at the end.
SET session_replication_role = replica;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM meetings WHERE id = md5('bench-meeting:1')::uuid) THEN
        RAISE EXCEPTION 'this database already holds generated meetings: load into a freshly migrated database';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM countries WHERE code = 'NER') THEN
        RAISE EXCEPTION 'the countries table is empty: run the migrations first';
    END IF;
END $$;

-- Step timing: lap('name') closes the step begun by the previous lap and prints its row count and seconds.
CREATE TEMP TABLE bench_laps (step text, rows bigint, at timestamptz);
INSERT INTO bench_laps VALUES ('start', NULL, clock_timestamp());
CREATE FUNCTION pg_temp.lap(step text, rows bigint DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    previous timestamptz := (SELECT max(at) FROM bench_laps);
    now_at timestamptz := clock_timestamp();
BEGIN
    INSERT INTO bench_laps VALUES (step, rows, now_at);
    RETURN format('  %-34s %12s %9s s', step, coalesce(to_char(rows, 'FM999,999,999'), ''),
                  to_char(extract(epoch FROM now_at - previous), 'FM99990.0'));
END $$;

\echo 'generate.sql: n =' :n 'meetings, persons =' :persons ', seed =' :seed
SELECT setseed(:seed) \gset

BEGIN;

------------------------------------------------------------------------------------------------------------------
-- Pools: countries (weighted), cities, topics, names, titles.
------------------------------------------------------------------------------------------------------------------
-- Countries that meet often get a weight; every other country weighs 1. culture picks the name lists of its people.
CREATE TEMP TABLE w_country (code text PRIMARY KEY, weight int NOT NULL, culture text NOT NULL, ck int, featured boolean);
INSERT INTO w_country (code, weight, culture)
SELECT c.code, coalesce(w.weight, 1), coalesce(w.culture,
         CASE WHEN c.code IN ('IRQ', 'SYR', 'LBN', 'KWT', 'BHR', 'OMN', 'YEM', 'PSE', 'SOM', 'DJI', 'COM') THEN 'arab'
              WHEN c.code IN ('GIN', 'CIV', 'GHA', 'TGO', 'BEN', 'GMB', 'GNB', 'SLE', 'LBR', 'GAB', 'COG') THEN 'sahel'
              ELSE 'intl' END)
FROM countries c
LEFT JOIN (VALUES
    ('LBY', 140, 'arab'), ('NER', 100, 'sahel'), ('TCD', 80, 'sahel'), ('SDN', 45, 'arab'), ('DZA', 45, 'arab'),
    ('TUN', 45, 'arab'), ('EGY', 45, 'arab'), ('MLI', 40, 'sahel'), ('BFA', 25, 'sahel'), ('NGA', 25, 'sahel'),
    ('MAR', 20, 'arab'), ('MRT', 12, 'arab'), ('QAT', 20, 'arab'), ('ARE', 20, 'arab'), ('SAU', 15, 'arab'),
    ('JOR', 6, 'arab'), ('ITA', 40, 'intl'), ('FRA', 40, 'intl'), ('TUR', 30, 'intl'), ('USA', 20, 'intl'),
    ('RUS', 15, 'intl'), ('DEU', 15, 'intl'), ('GBR', 10, 'intl'), ('CHN', 10, 'intl'), ('ESP', 8, 'intl'),
    ('MLT', 8, 'intl'), ('BEL', 6, 'intl'), ('GRC', 5, 'intl'), ('CHE', 5, 'intl'), ('ETH', 8, 'intl'),
    ('KEN', 5, 'intl'), ('CMR', 8, 'sahel'), ('CAF', 8, 'sahel'), ('SEN', 8, 'sahel')
) AS w (code, weight, culture) ON w.code = c.code;
UPDATE w_country w SET ck = r.ck, featured = w.weight >= 5
FROM (SELECT code, row_number() OVER (ORDER BY code)::int AS ck FROM w_country) r WHERE r.code = w.code;

-- Weighted picks: a pool of slots 0..total-1, each holding one value; pick slot floor(random() * total).
CREATE TEMP TABLE slot (pool text, s int, v text, PRIMARY KEY (pool, s));
INSERT INTO slot
SELECT 'country', (row_number() OVER (ORDER BY code, g) - 1)::int, code
FROM w_country, generate_series(1, weight) g;

CREATE TEMP TABLE city (k int PRIMARY KEY, en text, ar text, country text, lat float8, lon float8, weight int);
INSERT INTO city
SELECT row_number() OVER (ORDER BY en)::int, en, ar, country, lat, lon, weight FROM (VALUES
    ('Tripoli', 'طرابلس', 'LBY', 32.8872, 13.1913, 60), ('Benghazi', 'بنغازي', 'LBY', 32.1167, 20.0667, 15),
    ('Misrata', 'مصراتة', 'LBY', 32.3754, 15.0925, 6), ('Sabha', 'سبها', 'LBY', 27.0377, 14.4283, 6),
    ('Ghat', 'غات', 'LBY', 24.9647, 10.1728, 2), ('Kufra', 'الكفرة', 'LBY', 24.1833, 23.2833, 2),
    ('Niamey', 'نيامي', 'NER', 13.5116, 2.1254, 60), ('Agadez', 'أغاديز', 'NER', 16.9742, 7.9865, 8),
    ('Zinder', 'زندر', 'NER', 13.8069, 8.9881, 4), ('N''Djamena', 'انجامينا', 'TCD', 12.1348, 15.0557, 45),
    ('Abéché', 'أبشي', 'TCD', 13.8292, 20.8324, 4), ('Khartoum', 'الخرطوم', 'SDN', 15.5007, 32.5599, 25),
    ('Algiers', 'الجزائر', 'DZA', 36.7538, 3.0588, 25), ('Tamanrasset', 'تمنراست', 'DZA', 22.785, 5.5228, 3),
    ('Tunis', 'تونس', 'TUN', 36.8065, 10.1815, 25), ('Cairo', 'القاهرة', 'EGY', 30.0444, 31.2357, 30),
    ('Bamako', 'باماكو', 'MLI', 12.6392, -8.0029, 20), ('Ouagadougou', 'واغادوغو', 'BFA', 12.3714, -1.5197, 12),
    ('Abuja', 'أبوجا', 'NGA', 9.0765, 7.3986, 12), ('Rabat', 'الرباط', 'MAR', 34.0209, -6.8416, 10),
    ('Nouakchott', 'نواكشوط', 'MRT', 18.0735, -15.9582, 6), ('Rome', 'روما', 'ITA', 41.9028, 12.4964, 25),
    ('Palermo', 'باليرمو', 'ITA', 38.1157, 13.3615, 3), ('Paris', 'باريس', 'FRA', 48.8566, 2.3522, 25),
    ('Istanbul', 'إسطنبول', 'TUR', 41.0082, 28.9784, 10), ('Ankara', 'أنقرة', 'TUR', 39.9334, 32.8597, 10),
    ('Doha', 'الدوحة', 'QAT', 25.2854, 51.531, 12), ('Abu Dhabi', 'أبوظبي', 'ARE', 24.4539, 54.3773, 12),
    ('Riyadh', 'الرياض', 'SAU', 24.7136, 46.6753, 8), ('Washington', 'واشنطن', 'USA', 38.9072, -77.0369, 10),
    ('New York', 'نيويورك', 'USA', 40.7128, -74.006, 6), ('Moscow', 'موسكو', 'RUS', 55.7558, 37.6173, 8),
    ('Berlin', 'برلين', 'DEU', 52.52, 13.405, 8), ('London', 'لندن', 'GBR', 51.5074, -0.1278, 6),
    ('Brussels', 'بروكسل', 'BEL', 50.8503, 4.3517, 8), ('Geneva', 'جنيف', 'CHE', 46.2044, 6.1432, 8),
    ('Addis Ababa', 'أديس أبابا', 'ETH', 8.9806, 38.7578, 10), ('Yaoundé', 'ياوندي', 'CMR', 3.848, 11.5021, 4),
    ('Bangui', 'بانغي', 'CAF', 4.3947, 18.5582, 4), ('Dakar', 'داكار', 'SEN', 14.7167, -17.4677, 5),
    ('Valletta', 'فاليتا', 'MLT', 35.8989, 14.5146, 4), ('Madrid', 'مدريد', 'ESP', 40.4168, -3.7038, 4),
    ('Athens', 'أثينا', 'GRC', 37.9838, 23.7275, 3), ('Amman', 'عمّان', 'JOR', 31.9454, 35.9284, 4),
    ('Beijing', 'بكين', 'CHN', 39.9042, 116.4074, 4), ('Nairobi', 'نيروبي', 'KEN', -1.2921, 36.8219, 3)
) AS v (en, ar, country, lat, lon, weight);
INSERT INTO slot
SELECT 'city', (row_number() OVER (ORDER BY k, g) - 1)::int, k::text FROM city, generate_series(1, weight) g;

-- The seven seed topics (kept as the seed import made them) and twenty more.
INSERT INTO topics (id, code, label_en, label_ar)
SELECT md5('bench-topic:' || code)::uuid, code, en, ar FROM (VALUES
    ('border-security', 'Border security', 'أمن الحدود'), ('migration', 'Migration', 'الهجرة'),
    ('terrorism', 'Terrorism', 'الإرهاب'), ('human-trafficking', 'Human trafficking', 'الاتجار بالبشر'),
    ('drug-trafficking', 'Drug trafficking', 'تهريب المخدرات'),
    ('cross-border-crime', 'Cross-border crime', 'الجريمة العابرة للحدود'),
    ('security-cooperation', 'Security cooperation and coordination', 'التعاون والتنسيق الأمني'),
    ('energy', 'Energy', 'الطاقة'), ('oil-and-gas', 'Oil and gas', 'النفط والغاز'), ('trade', 'Trade', 'التجارة'),
    ('investment', 'Investment', 'الاستثمار'), ('health', 'Health', 'الصحة'), ('education', 'Education', 'التعليم'),
    ('transport', 'Transport', 'النقل'), ('water', 'Water', 'المياه'), ('agriculture', 'Agriculture', 'الزراعة'),
    ('refugees', 'Refugees', 'اللاجئون'), ('humanitarian-aid', 'Humanitarian aid', 'المساعدات الإنسانية'),
    ('elections', 'Elections', 'الانتخابات'), ('national-reconciliation', 'National reconciliation', 'المصالحة الوطنية'),
    ('ceasefire', 'Ceasefire', 'وقف إطلاق النار'), ('arms-control', 'Arms control', 'الحد من التسلح'),
    ('smuggling', 'Smuggling', 'التهريب'), ('customs', 'Customs', 'الجمارك'),
    ('consular-affairs', 'Consular affairs', 'الشؤون القنصلية'), ('military-training', 'Military training', 'التدريب العسكري'),
    ('development', 'Development', 'التنمية')
) AS v (code, en, ar)
ON CONFLICT (code) DO NOTHING;
CREATE TEMP TABLE topic (k int PRIMARY KEY, id uuid, code text, en text, ar text, weight int);
INSERT INTO topic
SELECT row_number() OVER (ORDER BY t.code)::int, t.id, t.code, t.label_en, t.label_ar,
       CASE t.code WHEN 'border-security' THEN 15 WHEN 'security-cooperation' THEN 12 WHEN 'migration' THEN 10
                   WHEN 'terrorism' THEN 6 WHEN 'cross-border-crime' THEN 5 WHEN 'human-trafficking' THEN 4
                   WHEN 'drug-trafficking' THEN 3 ELSE 2 END
FROM topics t;
INSERT INTO slot
SELECT 'topic', (row_number() OVER (ORDER BY k, g) - 1)::int, k::text FROM topic, generate_series(1, weight) g;

CREATE TEMP TABLE pool_size AS SELECT pool, count(*)::int AS size FROM slot GROUP BY pool;
SELECT max(size) FILTER (WHERE pool = 'country') AS country_slots, max(size) FILTER (WHERE pool = 'city') AS city_slots,
       max(size) FILTER (WHERE pool = 'topic') AS topic_slots FROM pool_size \gset
CREATE TEMP TABLE country_slot AS SELECT s, v AS code FROM slot WHERE pool = 'country';
ALTER TABLE country_slot ADD PRIMARY KEY (s);
CREATE TEMP TABLE city_slot AS SELECT s, v::int AS k FROM slot WHERE pool = 'city';
ALTER TABLE city_slot ADD PRIMARY KEY (s);
CREATE TEMP TABLE topic_slot AS SELECT s, v::int AS k FROM slot WHERE pool = 'topic';
ALTER TABLE topic_slot ADD PRIMARY KEY (s);

-- Names: (group, Arabic, Latin, another Arabic spelling, another Latin spelling). 'sahel' people also draw first
-- names from 'arab'; Arabic variants are mostly the hamza-less or ى/ي, ة/ه spellings the press also uses.
CREATE TEMP TABLE first_name (grp text, k int, ar text, en text, ar_var text, en_var text, PRIMARY KEY (grp, k));
CREATE TEMP TABLE family_name (grp text, k int, ar text, en text, ar_var text, en_var text, PRIMARY KEY (grp, k));
INSERT INTO first_name
SELECT grp, row_number() OVER (PARTITION BY grp ORDER BY en)::int, ar, en, ar_var, en_var FROM (VALUES
    ('arab', 'محمد', 'Mohamed', NULL, 'Mohammed'), ('arab', 'أحمد', 'Ahmed', 'احمد', 'Ahmad'),
    ('arab', 'عبد الله', 'Abdullah', 'عبدالله', 'Abdallah'), ('arab', 'علي', 'Ali', NULL, NULL),
    ('arab', 'عمر', 'Omar', NULL, 'Umar'), ('arab', 'خالد', 'Khaled', NULL, 'Khalid'),
    ('arab', 'يوسف', 'Youssef', NULL, 'Yusuf'), ('arab', 'إبراهيم', 'Ibrahim', 'ابراهيم', 'Brahim'),
    ('arab', 'مصطفى', 'Mustafa', 'مصطفي', 'Moustafa'), ('arab', 'عبد الرحمن', 'Abdelrahman', 'عبدالرحمن', 'Abderrahmane'),
    ('arab', 'حسن', 'Hassan', NULL, 'Hasan'), ('arab', 'حسين', 'Hussein', NULL, 'Hussain'),
    ('arab', 'سالم', 'Salem', NULL, 'Salim'), ('arab', 'فتحي', 'Fathi', NULL, 'Fethi'),
    ('arab', 'موسى', 'Moussa', 'موسي', 'Musa'), ('arab', 'إدريس', 'Idriss', 'ادريس', 'Idris'),
    ('arab', 'محمود', 'Mahmoud', NULL, 'Mahmud'), ('arab', 'عبد القادر', 'Abdelkader', 'عبدالقادر', 'Abdulqader'),
    ('arab', 'صالح', 'Saleh', NULL, 'Salah'), ('arab', 'الطاهر', 'Taher', NULL, 'Tahar'),
    ('arab', 'فاطمة', 'Fatima', 'فاطمه', 'Fatma'), ('arab', 'عائشة', 'Aisha', 'عايشة', 'Aicha'),
    ('arab', 'مريم', 'Mariam', NULL, 'Maryam'), ('arab', 'آمنة', 'Amna', 'امنة', 'Amina'),
    ('arab', 'ليلى', 'Leila', 'ليلي', 'Layla'), ('arab', 'نجلاء', 'Najla', 'نجلا', 'Najlaa'),
    ('arab', 'سعيد', 'Said', NULL, 'Saeed'), ('arab', 'أبو بكر', 'Abubakar', 'ابو بكر', 'Aboubacar'),
    ('arab', 'إسماعيل', 'Ismail', 'اسماعيل', 'Smail'), ('arab', 'عيسى', 'Issa', 'عيسي', 'Aissa'),
    ('arab', 'حامد', 'Hamed', NULL, 'Hamid'), ('arab', 'رمضان', 'Ramadan', NULL, 'Ramadhan'),
    ('arab', 'مفتاح', 'Muftah', NULL, 'Meftah'), ('arab', 'عبد الحميد', 'Abdelhamid', 'عبدالحميد', 'Abdulhamid'),
    ('arab', 'فرج', 'Faraj', NULL, 'Farag'), ('arab', 'نوري', 'Nouri', NULL, 'Nuri'),
    ('arab', 'أسامة', 'Osama', 'اسامة', 'Oussama'), ('arab', 'هشام', 'Hisham', NULL, 'Hichem'),
    ('arab', 'طارق', 'Tarek', NULL, 'Tariq'), ('arab', 'عثمان', 'Othman', NULL, 'Osman'),
    ('sahel', 'ماهامادو', 'Mahamadou', 'محمدو', 'Mahamado'), ('sahel', 'عصمان', 'Ousmane', 'عثمان', 'Usman'),
    ('sahel', 'سليمان', 'Souleymane', NULL, 'Suleiman'), ('sahel', 'مامادو', 'Mamadou', NULL, 'Mamadu'),
    ('sahel', 'حسومي', 'Hassoumi', NULL, 'Hassoumy'), ('sahel', 'كالا', 'Kalla', NULL, NULL),
    ('sahel', 'بوبكر', 'Boubacar', 'أبوبكر', 'Boubakar'), ('sahel', 'أمادو', 'Amadou', 'امادو', 'Ahmadou'),
    ('sahel', 'باكاري', 'Bakary', NULL, 'Bakari'), ('sahel', 'هارونا', 'Harouna', NULL, 'Haruna'),
    ('sahel', 'زينبو', 'Zeinabou', NULL, 'Zainabou'), ('sahel', 'عيساتا', 'Aissata', NULL, 'Aïssata'),
    ('sahel', 'سيدو', 'Seydou', NULL, 'Seidou'), ('sahel', 'ألكاسوم', 'Alkassoum', 'الكاسوم', 'Alkassum'),
    ('intl', 'جان', 'Jean', NULL, NULL), ('intl', 'بيير', 'Pierre', NULL, NULL), ('intl', 'ماركو', 'Marco', NULL, NULL),
    ('intl', 'جوزيبي', 'Giuseppe', NULL, NULL), ('intl', 'جون', 'John', NULL, NULL), ('intl', 'مايكل', 'Michael', NULL, NULL),
    ('intl', 'إيمانويل', 'Emmanuel', 'ايمانويل', NULL), ('intl', 'سيرغي', 'Sergey', 'سيرجي', 'Sergei'),
    ('intl', 'مولود', 'Mevlüt', NULL, 'Mevlut'), ('intl', 'هانز', 'Hans', NULL, NULL), ('intl', 'آنا', 'Anna', 'انا', NULL),
    ('intl', 'ماريا', 'Maria', NULL, NULL), ('intl', 'لويجي', 'Luigi', NULL, NULL), ('intl', 'ديفيد', 'David', NULL, NULL),
    ('intl', 'فرانسوا', 'François', NULL, 'Francois'), ('intl', 'أنطونيو', 'Antonio', 'انطونيو', NULL),
    ('intl', 'جوزيف', 'Joseph', NULL, 'Josef'), ('intl', 'هيلين', 'Hélène', NULL, 'Helene'),
    ('intl', 'كريستوف', 'Christophe', NULL, 'Christoph'), ('intl', 'أليساندرو', 'Alessandro', 'اليساندرو', NULL)
) AS v (grp, ar, en, ar_var, en_var);
INSERT INTO first_name
SELECT 'sahel', (SELECT count(*) FROM first_name WHERE grp = 'sahel') + k, ar, en, ar_var, en_var
FROM first_name WHERE grp = 'arab';

INSERT INTO family_name
SELECT grp, row_number() OVER (PARTITION BY grp ORDER BY en)::int, ar, en, ar_var, en_var FROM (VALUES
    ('arab', 'الدبيبة', 'Dbeibah', 'الدبيبه', 'Dbeibeh'), ('arab', 'باشاغا', 'Bashagha', NULL, 'Bachagha'),
    ('arab', 'السراج', 'Al-Sarraj', NULL, 'Sarraj'), ('arab', 'المنفي', 'Al-Menfi', NULL, 'Menfi'),
    ('arab', 'حفتر', 'Haftar', NULL, 'Hifter'), ('arab', 'أبو عزوم', 'Abuazoum', 'ابوعزوم', 'Abu Azzoum'),
    ('arab', 'القذافي', 'Gaddafi', 'القذافى', 'Qaddafi'), ('arab', 'الورفلي', 'Warfalli', NULL, 'Werfalli'),
    ('arab', 'الزوي', 'Al-Zway', NULL, 'Zwai'), ('arab', 'التباوي', 'Tebawi', NULL, 'Tubawi'),
    ('arab', 'عبد الجليل', 'Abdeljalil', 'عبدالجليل', 'Abdul Jalil'), ('arab', 'الشريف', 'Cherif', NULL, 'Sharif'),
    ('arab', 'بن علي', 'Ben Ali', NULL, 'Bin Ali'), ('arab', 'المقريف', 'Magariaf', NULL, 'Megarief'),
    ('arab', 'البرغثي', 'Barghathi', NULL, 'Barghati'), ('arab', 'العبيدي', 'Obeidi', NULL, 'Al-Ubaydi'),
    ('arab', 'الترهوني', 'Tarhouni', NULL, 'Tarhuni'), ('arab', 'الفيتوري', 'Fitouri', NULL, 'Feitouri'),
    ('arab', 'المشري', 'Mishri', 'المشرى', 'Al-Mishri'), ('arab', 'الغرياني', 'Ghariani', NULL, 'Gharyani'),
    ('arab', 'بوزيد', 'Bouzid', NULL, 'Bu Zaid'), ('arab', 'الصيد', 'Essid', NULL, 'Al-Sayed'),
    ('arab', 'الغنوشي', 'Ghannouchi', NULL, 'Ghanouchi'), ('arab', 'بن سالم', 'Ben Salem', NULL, 'Bin Salem'),
    ('arab', 'بلقاسم', 'Belkacem', NULL, 'Belgacem'), ('arab', 'مرزوق', 'Marzouk', NULL, 'Marzouq'),
    ('arab', 'الفرجاني', 'Ferjani', NULL, 'Farjani'), ('arab', 'عبد العاطي', 'Abdelatty', 'عبدالعاطي', 'Abdel Aty'),
    ('arab', 'شكري', 'Shoukry', NULL, 'Choukri'), ('arab', 'لعمامرة', 'Lamamra', NULL, NULL),
    ('arab', 'عطاف', 'Attaf', NULL, NULL), ('arab', 'الجرندي', 'Jerandi', NULL, 'Gerandi'),
    ('arab', 'بوريطة', 'Bourita', 'بوريطه', NULL), ('arab', 'الصفدي', 'Safadi', NULL, 'Al-Safadi'),
    ('arab', 'آل ثاني', 'Al Thani', 'ال ثاني', 'Al-Thani'), ('arab', 'بن زايد', 'Bin Zayed', NULL, 'Ben Zayed'),
    ('arab', 'الحاسي', 'Al-Hasi', NULL, 'Hassi'), ('arab', 'النعاس', 'Al-Naas', NULL, 'Naas'),
    ('arab', 'الكبير', 'Al-Kabir', NULL, 'Kebir'), ('arab', 'المهدي', 'El-Mahdi', 'المهدى', 'Mahdi'),
    ('sahel', 'بازوم', 'Bazoum', NULL, NULL), ('sahel', 'إيسوفو', 'Issoufou', 'ايسوفو', 'Issofou'),
    ('sahel', 'تياني', 'Tchiani', 'تشياني', 'Tiani'), ('sahel', 'ماسودو', 'Massoudou', NULL, 'Massaoudou'),
    ('sahel', 'ديبي', 'Déby', 'ديبى', 'Deby'), ('sahel', 'إتنو', 'Itno', 'اتنو', NULL),
    ('sahel', 'ماهامات', 'Mahamat', NULL, 'Mahammat'), ('sahel', 'كوني', 'Koné', NULL, 'Kone'),
    ('sahel', 'سيسي', 'Cissé', NULL, 'Cisse'), ('sahel', 'توري', 'Touré', NULL, 'Toure'),
    ('sahel', 'ديالو', 'Diallo', NULL, 'Jallow'), ('sahel', 'كيتا', 'Keïta', NULL, 'Keita'),
    ('sahel', 'ساني', 'Sani', NULL, NULL), ('sahel', 'آدم', 'Adam', 'ادم', 'Adamou'),
    ('sahel', 'هارون', 'Haroun', NULL, 'Harun'), ('sahel', 'مايغا', 'Maïga', NULL, 'Maiga'),
    ('sahel', 'ساندا', 'Sanda', NULL, NULL), ('sahel', 'يعقوب', 'Yacoub', NULL, 'Yakoub'),
    ('sahel', 'عبدو', 'Abdou', NULL, 'Abdu'), ('sahel', 'سيدي', 'Sidi', NULL, NULL),
    ('sahel', 'ولد الشيخ', 'Ould Cheikh', NULL, 'Ould Sheikh'), ('sahel', 'غوكوني', 'Goukouni', NULL, NULL),
    ('sahel', 'وداي', 'Weddeye', NULL, 'Oueddei'), ('sahel', 'بخاري', 'Buhari', NULL, 'Bukhari'),
    ('intl', 'مارتن', 'Martin', NULL, NULL), ('intl', 'روسي', 'Rossi', NULL, NULL), ('intl', 'برنار', 'Bernard', NULL, NULL),
    ('intl', 'سميث', 'Smith', NULL, NULL), ('intl', 'مولر', 'Müller', NULL, 'Mueller'), ('intl', 'يلماز', 'Yılmaz', NULL, 'Yilmaz'),
    ('intl', 'إيفانوف', 'Ivanov', 'ايفانوف', NULL), ('intl', 'بيانكي', 'Bianchi', NULL, NULL),
    ('intl', 'دوبوا', 'Dubois', NULL, NULL), ('intl', 'لافروف', 'Lavrov', NULL, NULL),
    ('intl', 'جاويش أوغلو', 'Çavuşoğlu', 'جاويش اوغلو', 'Cavusoglu'), ('intl', 'لودريان', 'Le Drian', NULL, NULL),
    ('intl', 'مينيتي', 'Minniti', NULL, NULL), ('intl', 'دي مايو', 'Di Maio', NULL, NULL), ('intl', 'فيدان', 'Fidan', NULL, NULL),
    ('intl', 'بوريل', 'Borrell', NULL, NULL), ('intl', 'جونسون', 'Johnson', NULL, NULL),
    ('intl', 'غارسيا', 'García', NULL, 'Garcia'), ('intl', 'لوفيفر', 'Lefebvre', NULL, NULL),
    ('intl', 'شميدت', 'Schmidt', NULL, 'Schmitt'), ('intl', 'وانغ', 'Wang', NULL, NULL)
) AS v (grp, ar, en, ar_var, en_var);
-- A quarter of Sahel family names are Arab ones (Chad, Niger's Arab and Tuareg communities).
INSERT INTO family_name
SELECT 'sahel', (SELECT count(*) FROM family_name WHERE grp = 'sahel') + k, ar, en, ar_var, en_var
FROM family_name WHERE grp = 'arab' AND k <= 8;
CREATE TEMP TABLE name_count AS
SELECT f.grp, f.firsts, m.families FROM (SELECT grp, count(*)::int AS firsts FROM first_name GROUP BY grp) f
JOIN (SELECT grp, count(*)::int AS families FROM family_name GROUP BY grp) m USING (grp);

-- The 13 core organisations of every country, in this order; k 0 and 1 are picked most.
CREATE TEMP TABLE ministry (k int PRIMARY KEY, en text, ar text, kind text);
INSERT INTO ministry VALUES
    (0, 'Interior', 'الداخلية', 'ministry'), (1, 'Foreign Affairs', 'الخارجية', 'ministry'),
    (2, 'Defence', 'الدفاع', 'ministry'), (3, 'Justice', 'العدل', 'ministry'), (4, 'Finance', 'المالية', 'ministry'),
    (5, 'Economy', 'الاقتصاد', 'ministry'), (6, 'Health', 'الصحة', 'ministry'), (7, 'Transport', 'المواصلات', 'ministry'),
    (8, 'Energy', 'الطاقة', 'ministry'), (9, 'Education', 'التعليم', 'ministry'), (10, 'Labour', 'العمل', 'ministry'),
    (11, 'Local Government', 'الحكم المحلي', 'ministry'), (12, NULL, NULL, 'government');

-- Titles of the members who are not heads; military ranks for some.
CREATE TEMP TABLE member_title (k int PRIMARY KEY, en text, ar text);
INSERT INTO member_title VALUES
    (0, 'Advisor', 'مستشار'), (1, 'Director of International Cooperation', 'مدير إدارة التعاون الدولي'),
    (2, 'Head of the Anti-Illegal Migration Agency', 'رئيس جهاز مكافحة الهجرة غير الشرعية'),
    (3, 'Member of the delegation', 'عضو الوفد'), (4, 'Consul', 'قنصل'), (5, 'Military attaché', 'ملحق عسكري'),
    (6, 'Spokesperson', 'الناطق الرسمي'), (7, 'Head of Protocol', 'رئيس المراسم'),
    (8, 'Director-General for Ports Security', 'مدير عام أمن المنافذ'), (9, 'Chief of Staff', 'مدير المكتب'),
    (10, 'Governor', 'محافظ'), (11, 'Commander of the Border Guard', 'آمر حرس الحدود'),
    (12, 'Director of Legal Affairs', 'مدير إدارة الشؤون القانونية'), (13, 'Ambassador', 'سفير');
CREATE TEMP TABLE rank_title (k int PRIMARY KEY, en text, ar text);
INSERT INTO rank_title VALUES
    (0, 'Colonel', 'عقيد'), (1, 'Brigadier General', 'عميد'), (2, 'Major General', 'لواء'),
    (3, 'Lieutenant Colonel', 'مقدم'), (4, 'Major', 'رائد'), (5, 'Captain', 'نقيب');

SELECT pg_temp.lap('pools (countries, cities, topics)', (SELECT count(*) FROM slot));

------------------------------------------------------------------------------------------------------------------
-- Drop the keys, foreign keys and indexes of the tables about to be filled; step "rebuild" below recreates them
-- from these definitions. meeting_search, agreement_search, meeting_parties, meeting_countries and person_countries
-- get theirs back after they are filled.
------------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE bench_ddl AS
SELECT c.conrelid::regclass::text AS tbl, c.conname AS name,
       CASE c.contype WHEN 'f' THEN 3 ELSE 1 END AS phase,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS create_sql,
       format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_sql
FROM pg_constraint c
WHERE c.contype IN ('p', 'u', 'f')
  AND c.conrelid::regclass::text IN ('meetings', 'meeting_topics', 'meeting_sources', 'delegations', 'delegation_members',
      'agreements', 'agreement_parties', 'agreement_meetings', 'agreement_sources', 'persons', 'person_aliases',
      'organizations', 'sources', 'meeting_search', 'agreement_search', 'meeting_parties', 'meeting_countries', 'person_countries',
      -- Not filled, but its foreign key hangs on the meetings' primary key.
      'kept_documents')
UNION ALL
SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, 2, pg_get_indexdef(i.indexrelid),
       format('DROP INDEX %s', i.indexrelid::regclass)
FROM pg_index i
WHERE i.indrelid::regclass::text IN ('meetings', 'meeting_topics', 'meeting_sources', 'delegations', 'delegation_members',
      'agreements', 'agreement_parties', 'agreement_meetings', 'agreement_sources', 'persons', 'person_aliases',
      'organizations', 'sources', 'meeting_search', 'agreement_search', 'meeting_parties', 'meeting_countries', 'person_countries')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'));
SELECT drop_sql FROM bench_ddl ORDER BY phase DESC, name \gexec
-- Rows already there (the seed import's) are kept; the constraints and indexes come back over them too.
SELECT pg_temp.lap('drop keys and indexes', (SELECT count(*) FROM bench_ddl));

------------------------------------------------------------------------------------------------------------------
-- Organisations (~5,000): per country a government and 12 ministries (gi = (ck-1)*13 + k + 1); then
-- intergovernmental and non-governmental ones; then, for the often-meeting countries, departments of the
-- interior ministry, armed forces, a border team and embassies to each other.
------------------------------------------------------------------------------------------------------------------
SELECT count(*) * 13 AS core_orgs FROM w_country \gset
CREATE TEMP TABLE g_org (gi int PRIMARY KEY, name_en text, name_ar text, abbreviation text, kind text, country text, parent_gi int);
INSERT INTO g_org
SELECT (w.ck - 1) * 13 + m.k + 1, coalesce('Ministry of ' || m.en || ' (' || c.name_en || ')', 'Government of ' || c.name_en),
       coalesce('وزارة ' || m.ar || ' (' || c.name_ar || ')', 'حكومة ' || c.name_ar), NULL, m.kind, w.code,
       CASE WHEN m.k < 12 THEN (w.ck - 1) * 13 + 13 END
FROM w_country w JOIN countries c ON c.code = w.code CROSS JOIN ministry m;
INSERT INTO g_org
SELECT :core_orgs + k, en, ar, abbr, kind, NULL, CASE WHEN parent IS NOT NULL THEN :core_orgs + parent END FROM (VALUES
    (1, 'United Nations', 'الأمم المتحدة', 'UN', 'intergovernmental', NULL),
    (2, 'African Union', 'الاتحاد الأفريقي', 'AU', 'intergovernmental', NULL),
    (3, 'European Union', 'الاتحاد الأوروبي', 'EU', 'intergovernmental', NULL),
    (4, 'League of Arab States', 'جامعة الدول العربية', 'LAS', 'intergovernmental', NULL),
    (5, 'International Organization for Migration', 'المنظمة الدولية للهجرة', 'IOM', 'intergovernmental', 1),
    (6, 'Office of the United Nations High Commissioner for Refugees', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', 'UNHCR', 'intergovernmental', 1),
    (7, 'United Nations Support Mission in Libya', 'بعثة الأمم المتحدة للدعم في ليبيا', 'UNSMIL', 'intergovernmental', 1),
    (8, 'United Nations Office on Drugs and Crime', 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', 'UNODC', 'intergovernmental', 1),
    (9, 'European Union Border Assistance Mission in Libya', 'بعثة الاتحاد الأوروبي للمساعدة في إدارة الحدود في ليبيا', 'EUBAM Libya', 'intergovernmental', 3),
    (10, 'Frontex', 'الوكالة الأوروبية لحرس الحدود والسواحل', 'Frontex', 'intergovernmental', 3),
    (11, 'Economic Community of West African States', 'المجموعة الاقتصادية لدول غرب أفريقيا', 'ECOWAS', 'intergovernmental', NULL),
    (12, 'G5 Sahel', 'مجموعة دول الساحل الخمس', 'G5S', 'intergovernmental', NULL),
    (13, 'Community of Sahel-Saharan States', 'تجمع دول الساحل والصحراء', 'CEN-SAD', 'intergovernmental', NULL),
    (14, 'INTERPOL', 'المنظمة الدولية للشرطة الجنائية', 'INTERPOL', 'intergovernmental', NULL),
    (15, 'Organisation of Islamic Cooperation', 'منظمة التعاون الإسلامي', 'OIC', 'intergovernmental', NULL),
    (16, 'International Committee of the Red Cross', 'اللجنة الدولية للصليب الأحمر', 'ICRC', 'nongovernmental', NULL),
    (17, 'Libyan Red Crescent', 'الهلال الأحمر الليبي', NULL, 'nongovernmental', NULL)
) AS v (k, en, ar, abbr, kind, parent);
SELECT max(gi) AS igo_last, :core_orgs + 1 AS igo_first FROM g_org \gset
SELECT :igo_last - :igo_first + 1 AS igo_count \gset
-- Departments of the interior ministry, armed forces (under defence), the border team (under the government).
INSERT INTO g_org
SELECT :igo_last + row_number() OVER (ORDER BY w.ck, d.k)::int, d.en || ' (' || c.name_en || ')', d.ar || ' (' || c.name_ar || ')',
       NULL, d.kind, w.code, (w.ck - 1) * 13 + d.parent_k + 1
FROM w_country w JOIN countries c ON c.code = w.code
CROSS JOIN (VALUES
    (1, 'General Directorate for Border Security', 'الإدارة العامة لأمن الحدود', 'department', 0),
    (2, 'Department of International Cooperation', 'إدارة التعاون الدولي', 'department', 0),
    (3, 'Anti-Illegal Migration Agency', 'جهاز مكافحة الهجرة غير الشرعية', 'department', 0),
    (4, 'Coast Guard', 'خفر السواحل', 'department', 0),
    (5, 'Criminal Investigation Department', 'إدارة البحث الجنائي', 'department', 0),
    (6, 'Passports and Nationality Authority', 'مصلحة الجوازات والجنسية', 'department', 0),
    (7, 'General Administration for Ports Security', 'الإدارة العامة لأمن المنافذ', 'department', 0),
    (8, 'Legal Affairs Department', 'إدارة الشؤون القانونية', 'department', 0),
    (9, 'Armed Forces', 'القوات المسلحة', 'armed_forces', 2),
    (10, 'National Border Management Team', 'الفريق الوطني لإدارة الحدود', 'team', 12)
) AS d (k, en, ar, kind, parent_k)
WHERE w.featured;
SELECT max(gi) AS dept_last FROM g_org \gset
INSERT INTO g_org
SELECT :dept_last + row_number() OVER (ORDER BY a.ck, b.ck)::int, 'Embassy of ' || ca.name_en || ' to ' || cb.name_en,
       'سفارة ' || ca.name_ar || ' لدى ' || cb.name_ar, NULL, 'embassy', a.code, (a.ck - 1) * 13 + 2
FROM w_country a JOIN countries ca ON ca.code = a.code
JOIN w_country b ON b.featured AND b.code <> a.code JOIN countries cb ON cb.code = b.code
WHERE a.featured;
INSERT INTO organizations (id, name_en, name_ar, abbreviation, kind, country_code, parent_id)
SELECT md5('bench-org:' || gi)::uuid, name_en, name_ar, abbreviation, kind, country,
       CASE WHEN parent_gi IS NOT NULL THEN md5('bench-org:' || parent_gi)::uuid END
FROM g_org ORDER BY gi;
SELECT pg_temp.lap('organizations', (SELECT count(*) FROM g_org));

------------------------------------------------------------------------------------------------------------------
-- Persons: :persons people spread over countries by weight (at least 10 each), names from their country's lists,
-- one in four stored under a variant Arabic spelling, aliases for about half.
------------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE cp AS
SELECT code, ck, culture, cnt, (sum(cnt) OVER (ORDER BY ck) - cnt + 1)::int AS first_gi
FROM (SELECT code, ck, culture, greatest(10, round(:persons::numeric * weight / sum(weight) OVER ()))::int AS cnt FROM w_country) x;
ALTER TABLE cp ADD PRIMARY KEY (code);
SELECT sum(cnt) AS person_count FROM cp \gset

CREATE TEMP TABLE g_person AS
SELECT p.gi, p.code, p.culture,
       1 + floor(p.u_first * n.firsts)::int AS first_k,
       CASE WHEN p.culture <> 'intl' AND p.u_mid < 0.4 THEN 1 + floor(p.u_mid2 * n.firsts)::int END AS mid_k,
       1 + floor(p.u_family * n.families)::int AS family_k,
       p.u_variant < 0.25 AS variant, p.u_script, p.u_alias_en, p.u_alias_ar
FROM (
    SELECT gi, code, culture, random() AS u_first, random() AS u_mid, random() AS u_mid2, random() AS u_family,
           random() AS u_variant, random() AS u_script, random() AS u_alias_en, random() AS u_alias_ar
    FROM (SELECT cp.first_gi + g - 1 AS gi, cp.code, cp.culture FROM cp, generate_series(1, cp.cnt) g ORDER BY 1) o
) p
JOIN name_count n ON n.grp = p.culture;

CREATE TEMP TABLE g_person_name AS
SELECT p.gi, p.u_script, p.u_alias_en, p.u_alias_ar,
       concat_ws(' ', f.en, m.en, l.en) AS name_en,
       concat_ws(' ', CASE WHEN p.variant THEN coalesce(f.ar_var, f.ar) ELSE f.ar END, m.ar,
                 CASE WHEN p.variant THEN coalesce(l.ar_var, l.ar) ELSE l.ar END) AS name_ar,
       concat_ws(' ', coalesce(f.en_var, f.en), m.en, coalesce(l.en_var, l.en)) AS alias_en,
       concat_ws(' ', CASE WHEN p.variant THEN f.ar ELSE coalesce(f.ar_var, f.ar) END, m.ar,
                 CASE WHEN p.variant THEN l.ar ELSE coalesce(l.ar_var, l.ar) END) AS alias_ar,
       upper(l.en) || ' ' || f.en AS alias_press
FROM g_person p
JOIN first_name f ON f.grp = p.culture AND f.k = p.first_k
LEFT JOIN first_name m ON m.grp = p.culture AND m.k = p.mid_k
JOIN family_name l ON l.grp = p.culture AND l.k = p.family_k;

INSERT INTO persons (id, name_en, name_ar)
SELECT md5('bench-person:' || gi)::uuid,
       CASE WHEN u_script >= 0.02 THEN name_en END,  -- 2 % known only by their Arabic name
       CASE WHEN u_script < 0.02 OR u_script >= 0.04 THEN name_ar END  -- 2 % only by their Latin name
FROM g_person_name ORDER BY gi;
INSERT INTO person_aliases (person_id, alias, language)
SELECT DISTINCT ON (gi, alias) md5('bench-person:' || gi)::uuid, alias, language FROM (
    SELECT gi, alias_en AS alias, CASE WHEN u_alias_en < 0.2 THEN 'fr' ELSE 'en' END AS language
    FROM g_person_name WHERE u_alias_en < 0.45 AND alias_en <> name_en
    UNION ALL
    SELECT gi, alias_ar, 'ar' FROM g_person_name WHERE u_alias_ar < 0.35 AND alias_ar <> name_ar
    UNION ALL
    SELECT gi, alias_press, 'fr' FROM g_person_name WHERE u_alias_en >= 0.9
) a ORDER BY gi, alias;
SELECT pg_temp.lap('persons + aliases', (SELECT count(*) FROM g_person_name) + (SELECT count(*) FROM person_aliases));

------------------------------------------------------------------------------------------------------------------
-- Meetings: structure first (g_meeting), then side meetings tied to their parents, then texts.
------------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE g_meeting AS
SELECT u.i, u.status, u.format, u.u_prec, u.u_multi, u.u_len, u.u_topic_n, u.u_title, u.u_summary, u.u_coords, u.u_side,
       -- dates: planned meetings lie ahead (mid-2024 to 2025); the rest thicken towards the present
       CASE WHEN u.status = 'planned' THEN date '2024-07-01' + floor(u.u_day * 549)::int
            ELSE make_date(u.y, 1, 1) + floor(u.u_day * (make_date(u.y + 1, 1, 1) - make_date(u.y, 1, 1)))::int END AS d,
       CASE WHEN u.format = 'call' AND u.u_nocity < 0.8 OR u.u_nocity < 0.04 THEN NULL ELSE cs.k END AS city_k,
       hs.code AS pick_host, g1.code AS pick_guest, g2.code AS pick_guest2, ts.k AS t1,
       CASE WHEN u.format IN ('bilateral', 'visit', 'call') THEN 2 + (u.u_nd < 0.15)::int
            ELSE 2 + floor(u.u_nd * 3)::int END AS nd,
       u.u_nohost
FROM (
    SELECT i,
           CASE WHEN u_status < 0.80 THEN 'held' WHEN u_status < 0.88 THEN 'unknown'
                WHEN u_status < 0.95 THEN 'planned' ELSE 'cancelled' END AS status,
           CASE WHEN i % 100 = 0 THEN CASE WHEN (i / 100) % 3 = 0 THEN 'summit' ELSE 'conference' END
                WHEN u_format < 0.45 THEN 'bilateral' WHEN u_format < 0.63 THEN 'visit' WHEN u_format < 0.73 THEN 'multilateral'
                WHEN u_format < 0.81 THEN 'call' WHEN u_format < 0.87 THEN 'conference' WHEN u_format < 0.91 THEN 'summit'
                WHEN u_format < 0.95 THEN 'roundtable' ELSE 'other' END AS format,
           1990 + CASE WHEN u_yearmix < 0.2 THEN floor(u_year * 36) ELSE least(35, floor(sqrt(u_year) * 36)) END::int AS y,
           u_day, u_prec, u_multi, u_len, u_nocity, u_nohost, u_nd, u_topic_n, u_title, u_summary, u_coords, u_side,
           floor(u_city * :city_slots)::int AS city_s, floor(u_host * :country_slots)::int AS host_s,
           floor(u_guest * :country_slots)::int AS guest_s, floor(u_guest2 * :country_slots)::int AS guest2_s,
           floor(u_topic * :topic_slots)::int AS topic_s
    FROM (
        SELECT i, random() AS u_status, random() AS u_format, random() AS u_yearmix, random() AS u_year, random() AS u_day,
               random() AS u_prec, random() AS u_multi, random() AS u_len, random() AS u_city, random() AS u_nocity,
               random() AS u_host, random() AS u_nohost, random() AS u_guest, random() AS u_guest2, random() AS u_topic,
               random() AS u_nd, random() AS u_topic_n, random() AS u_title, random() AS u_summary, random() AS u_coords,
               random() AS u_side
        FROM generate_series(1, :n) i
    ) r
) u
JOIN city_slot cs ON cs.s = u.city_s
JOIN country_slot hs ON hs.s = u.host_s
JOIN country_slot g1 ON g1.s = u.guest_s
JOIN country_slot g2 ON g2.s = u.guest2_s
JOIN topic_slot ts ON ts.s = u.topic_s;

-- Final shape: precision, end date, place, host (c1) and first guest (c2).
CREATE TEMP TABLE g_meet AS
SELECT m.i, m.status, m.format, m.t1, m.nd, m.u_topic_n, m.u_title, m.u_summary, m.u_side,
       m.prec AS sp,
       CASE m.prec WHEN 'day' THEN m.d WHEN 'month' THEN date_trunc('month', m.d)::date ELSE date_trunc('year', m.d)::date END AS sd,
       CASE WHEN m.i % 100 = 0 THEN m.d + 2 + floor(m.u_len * 3)::int
            WHEN m.prec = 'day' AND m.format <> 'call' AND m.u_multi < 0.36 THEN m.d + 1 + floor(m.u_len * 4)::int
            WHEN m.prec = 'month' AND m.u_multi < 0.10 THEN (date_trunc('month', m.d) + interval '1 month')::date END AS ed,
       m.city_k,
       c.country AS country,
       CASE WHEN c.country IS NOT NULL AND m.u_nohost < 0.9 THEN c.country END AS host,
       coalesce(c.country, m.pick_host) AS c1,
       CASE WHEN m.pick_guest <> coalesce(c.country, m.pick_host) THEN m.pick_guest
            WHEN m.pick_guest2 <> coalesce(c.country, m.pick_host) THEN m.pick_guest2
            WHEN coalesce(c.country, m.pick_host) = 'LBY' THEN 'NER' ELSE 'LBY' END AS c2,
       CASE WHEN c.k IS NOT NULL AND m.u_coords < 0.85 THEN c.lat END AS lat,
       CASE WHEN c.k IS NOT NULL AND m.u_coords < 0.85 THEN c.lon END AS lon,
       NULL::int AS parent
FROM (
    SELECT g.*, CASE WHEN g.i % 100 = 0 THEN 'day' WHEN g.u_prec < 0.85 THEN 'day' WHEN g.u_prec < 0.95 THEN 'month' ELSE 'year' END AS prec
    FROM g_meeting g
) m
LEFT JOIN city c ON c.k = m.city_k
ORDER BY m.i;
ALTER TABLE g_meet ADD PRIMARY KEY (i);
DROP TABLE g_meeting;

-- Side meetings: up to four meetings after each hub (every 100th meeting: a summit or conference) are bilateral
-- talks on its margins, on one of its days, at its place.
UPDATE g_meet s
SET parent = p.i, format = 'bilateral', status = p.status, sp = 'day', sd = least(coalesce(p.ed, p.sd), p.sd + (s.i % 3)),
    ed = NULL, city_k = p.city_k, country = p.country, host = p.host, c1 = p.c1, lat = p.lat, lon = p.lon,
    c2 = CASE WHEN s.c2 <> p.c1 THEN s.c2 WHEN p.c1 = 'LBY' THEN 'NER' ELSE 'LBY' END, nd = 2
FROM g_meet p
WHERE s.i > 100 AND s.i % 100 BETWEEN 1 AND 4 AND s.u_side < 0.6 AND p.i = s.i - s.i % 100;

CREATE TEMP TABLE g_mt AS
SELECT m.i, md5('bench-meeting:' || m.i)::uuid AS id, m.status, m.format, m.sd, m.sp, m.ed,
       CASE WHEN m.ed IS NOT NULL THEN m.sp END AS ep, m.city_k, ci.en AS city_en, ci.ar AS city_ar, m.country, m.host,
       m.lat, m.lon, m.parent, m.c1, m.c2, m.t1,
       CASE WHEN m.u_title < 0.9 THEN
           CASE WHEN m.parent IS NOT NULL THEN 'Talks between ' || a.name_en || ' and ' || b.name_en || ' on the sidelines of the ' || coalesce(ci.en, a.name_en) || ' meeting'
                ELSE CASE m.format
                    WHEN 'bilateral' THEN 'Talks between ' || a.name_en || ' and ' || b.name_en || ' on ' || lower(t.en)
                    WHEN 'visit' THEN 'Visit of a delegation from ' || b.name_en || ' to ' || coalesce(ci.en, a.name_en)
                    WHEN 'multilateral' THEN 'Meeting of ' || a.name_en || ', ' || b.name_en || ' and partners on ' || lower(t.en)
                    WHEN 'call' THEN 'Phone call between ' || a.name_en || ' and ' || b.name_en
                    WHEN 'conference' THEN 'Conference on ' || lower(t.en) || ' in ' || coalesce(ci.en, a.name_en)
                    WHEN 'summit' THEN a.name_en || '–' || b.name_en || ' summit in ' || coalesce(ci.en, a.name_en)
                    WHEN 'roundtable' THEN 'Round table on ' || lower(t.en)
                    ELSE 'Meeting on ' || lower(t.en) END END END AS title_en,
       CASE WHEN m.u_title < 0.8 OR m.u_title >= 0.9 THEN
           CASE WHEN m.parent IS NOT NULL THEN 'مباحثات بين ' || a.name_ar || ' و' || b.name_ar || ' على هامش اجتماع ' || coalesce(ci.ar, a.name_ar)
                ELSE CASE m.format
                    WHEN 'bilateral' THEN 'مباحثات بين ' || a.name_ar || ' و' || b.name_ar || ' حول ' || t.ar
                    WHEN 'visit' THEN 'زيارة وفد من ' || b.name_ar || ' إلى ' || coalesce(ci.ar, a.name_ar)
                    WHEN 'multilateral' THEN 'اجتماع ' || a.name_ar || ' و' || b.name_ar || ' وشركائهما حول ' || t.ar
                    WHEN 'call' THEN 'اتصال هاتفي بين ' || a.name_ar || ' و' || b.name_ar
                    WHEN 'conference' THEN 'مؤتمر حول ' || t.ar || ' في ' || coalesce(ci.ar, a.name_ar)
                    WHEN 'summit' THEN 'قمة ' || a.name_ar || ' و' || b.name_ar || ' في ' || coalesce(ci.ar, a.name_ar)
                    WHEN 'roundtable' THEN 'طاولة مستديرة حول ' || t.ar
                    ELSE 'لقاء حول ' || t.ar END END END AS title_ar,
       CASE WHEN m.u_summary < 0.6 THEN
           'The delegations of ' || a.name_en || ' and ' || b.name_en || ' discussed ' || lower(t.en)
           || coalesce(' in ' || ci.en, '')
           || CASE WHEN m.u_summary < 0.2 THEN ' and agreed to strengthen coordination.'
                   WHEN m.u_summary < 0.4 THEN ' and reviewed earlier agreements.' ELSE ' and agreed to meet again.' END END AS summary_en,
       CASE WHEN m.u_summary < 0.45 THEN
           'بحث وفدا ' || a.name_ar || ' و' || b.name_ar || ' ' || t.ar || coalesce(' في ' || ci.ar, '')
           || CASE WHEN m.u_summary < 0.2 THEN ' واتفقا على تعزيز التنسيق.'
                   WHEN m.u_summary < 0.35 THEN ' واستعرضا الاتفاقيات السابقة.' ELSE ' واتفقا على عقد اجتماع لاحق.' END END AS summary_ar,
       m.nd, m.u_topic_n
FROM g_meet m
JOIN countries a ON a.code = m.c1
JOIN countries b ON b.code = m.c2
JOIN topic t ON t.k = m.t1
LEFT JOIN city ci ON ci.k = m.city_k
ORDER BY m.i;
ALTER TABLE g_mt ADD PRIMARY KEY (i);
DROP TABLE g_meet;


------------------------------------------------------------------------------------------------------------------
-- Delegations: 2–4 per meeting. The first is the host's (or the first party's), the second the main guest's;
-- a third or fourth is another country or an intergovernmental body. ~65 % name a ministry (Interior and
-- Foreign Affairs most often). Delegation id number: meeting * 4 + slot.
------------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE g_deleg AS
SELECT x.i, x.j, x.did, x.role, x.country, w.ck,
       CASE WHEN x.country IS NULL THEN :igo_first + floor(x.u_org2 * :igo_count)::int
            WHEN x.u_org < 0.65 THEN (w.ck - 1) * 13 + floor(13 * x.u_org2 * x.u_org2)::int + 1 END AS org_gi,
       x.u_head < 0.9 AS has_head,
       -- 1–6 members: consecutive people of the country's pool from a base skewed towards its first people
       CASE WHEN x.u_nm < 0.20 THEN 1 WHEN x.u_nm < 0.40 THEN 2 WHEN x.u_nm < 0.60 THEN 3 WHEN x.u_nm < 0.75 THEN 4
            WHEN x.u_nm < 0.88 THEN 5 ELSE 6 END AS nm,
       CASE WHEN x.country IS NULL THEN floor(x.u_base * :person_count)::int ELSE floor(x.u_base * x.u_base * cp.cnt)::int END AS base,
       coalesce(cp.first_gi, 1) AS pool_first, coalesce(cp.cnt, :person_count) AS pool_cnt, x.u_title
FROM (
    SELECT r.i, r.j, r.i::bigint * 4 + r.j AS did,
           CASE WHEN r.j = 1 THEN CASE WHEN r.host IS NOT NULL THEN 'host' WHEN r.format IN ('bilateral', 'call') THEN 'guest' ELSE 'participant' END
                WHEN r.j = 2 THEN CASE WHEN r.format IN ('bilateral', 'visit', 'call', 'other') THEN 'guest' ELSE 'participant' END
                WHEN r.u_igo < 0.25 THEN CASE WHEN r.u_role < 0.3 THEN 'mediator' ELSE 'participant' END
                WHEN r.u_role < 0.1 THEN 'organiser' ELSE 'participant' END AS role,
           CASE WHEN r.j = 1 THEN r.c1 WHEN r.j = 2 THEN r.c2 WHEN r.u_igo < 0.25 THEN NULL ELSE cs.code END AS country,
           r.u_org, r.u_org2, r.u_head, r.u_nm, r.u_base, r.u_title
    FROM (
        SELECT m.i, m.host, m.format, m.c1, m.c2, j, random() AS u_igo, random() AS u_role, random() AS u_country,
               random() AS u_org, random() AS u_org2, random() AS u_head, random() AS u_nm, random() AS u_base, random() AS u_title
        FROM g_mt m, generate_series(1, m.nd) j
        ORDER BY m.i, j
    ) r
    JOIN country_slot cs ON cs.s = floor(r.u_country * :country_slots)::int
) x
LEFT JOIN w_country w ON w.code = x.country
LEFT JOIN cp ON cp.code = x.country;
-- The same country (or body) twice at one meeting: keep the first.
DELETE FROM g_deleg d USING (
    SELECT did, row_number() OVER (PARTITION BY i, coalesce(country, 'org:' || org_gi) ORDER BY j) AS rn FROM g_deleg
) dup WHERE dup.did = d.did AND dup.rn > 1;
CREATE INDEX ON g_deleg (i);

INSERT INTO delegations (id, meeting_id, role, country_code, organization_id)
SELECT md5('bench-delegation:' || did)::uuid, md5('bench-meeting:' || i)::uuid, role, country,
       CASE WHEN org_gi IS NOT NULL THEN md5('bench-org:' || org_gi)::uuid END
FROM g_deleg ORDER BY did;
SELECT pg_temp.lap('delegations', (SELECT count(*) FROM g_deleg));

-- Members: slot 1 heads the delegation (90 %): a minister, the undersecretary or a director-general of the ministry
-- it comes from (its special envoy for a body); the others advise, attend or command.
INSERT INTO delegation_members (delegation_id, person_id, position, is_head, title_en, title_ar, rank_en, rank_ar, organization_id)
SELECT md5('bench-delegation:' || x.did)::uuid,
       md5('bench-person:' || (x.pool_first + (x.base + x.slot - 1) % x.pool_cnt))::uuid,
       x.slot - 1, x.slot = 1 AND x.has_head,
       CASE WHEN x.u_t < 0.08 THEN NULL
            WHEN x.slot = 1 AND x.country IS NULL THEN CASE WHEN x.u_t < 0.6 THEN 'Special Envoy' ELSE 'Head of Mission' END
            WHEN x.slot = 1 AND mi.en IS NOT NULL THEN CASE WHEN x.u_t < 0.55 THEN 'Minister of ' || mi.en
                 WHEN x.u_t < 0.85 THEN 'Undersecretary of the Ministry of ' || mi.en ELSE 'Director-General at the Ministry of ' || mi.en END
            WHEN x.slot = 1 AND mi.k = 12 THEN CASE WHEN x.u_t < 0.5 THEN 'Prime Minister' ELSE 'President' END
            WHEN x.slot = 1 THEN 'Head of delegation'
            ELSE mt.en END,
       CASE WHEN x.u_t < 0.08 THEN NULL
            WHEN x.slot = 1 AND x.country IS NULL THEN CASE WHEN x.u_t < 0.6 THEN 'المبعوث الخاص' ELSE 'رئيس البعثة' END
            WHEN x.slot = 1 AND mi.ar IS NOT NULL THEN CASE WHEN x.u_t < 0.55 THEN 'وزير ' || mi.ar
                 WHEN x.u_t < 0.85 THEN 'وكيل وزارة ' || mi.ar ELSE 'مدير عام بوزارة ' || mi.ar END
            WHEN x.slot = 1 AND mi.k = 12 THEN CASE WHEN x.u_t < 0.5 THEN 'رئيس الوزراء' ELSE 'رئيس الجمهورية' END
            WHEN x.slot = 1 THEN 'رئيس الوفد'
            ELSE mt.ar END,
       CASE WHEN x.slot > 1 AND x.u_r < 0.25 THEN rt.en END,
       CASE WHEN x.slot > 1 AND x.u_r < 0.25 THEN rt.ar END,
       CASE WHEN x.country IS NULL THEN md5('bench-org:' || x.org_gi)::uuid
            WHEN x.u_o < 0.5 AND x.org_gi IS NOT NULL THEN md5('bench-org:' || x.org_gi)::uuid
            WHEN x.u_o < 0.8 THEN md5('bench-org:' || ((x.ck - 1) * 13 + floor(13 * x.u_o2 * x.u_o2)::int + 1))::uuid END
FROM (
    SELECT d.did, d.country, d.ck, d.org_gi, d.has_head, d.base, d.pool_first, d.pool_cnt, d.u_title, s AS slot,
           random() AS u_t, random() AS u_r, random() AS u_o, random() AS u_o2, random() AS u_mt, random() AS u_rk
    FROM g_deleg d, generate_series(1, d.nm) s
    ORDER BY d.did, s
) x
LEFT JOIN ministry mi ON x.org_gi <= :core_orgs AND mi.k = (x.org_gi - 1) % 13
LEFT JOIN member_title mt ON mt.k = floor(x.u_mt * 14)::int
LEFT JOIN rank_title rt ON rt.k = floor(x.u_rk * 6)::int;
SELECT pg_temp.lap('delegation members', (SELECT sum(nm) FROM g_deleg));

------------------------------------------------------------------------------------------------------------------
-- Topics of meetings: the title's topic and up to two more (1: 45 %, 2: 35 %, 3: 20 %).
------------------------------------------------------------------------------------------------------------------
INSERT INTO meeting_topics (meeting_id, topic_id)
SELECT DISTINCT md5('bench-meeting:' || x.i)::uuid, t.id FROM (
    SELECT i, t1 AS k FROM g_mt
    UNION ALL
    SELECT r.i, ts.k FROM (
        SELECT i, random() AS u FROM (SELECT i, generate_series(1, CASE WHEN u_topic_n < 0.45 THEN 0 WHEN u_topic_n < 0.8 THEN 1 ELSE 2 END) AS g FROM g_mt) e
    ) r JOIN topic_slot ts ON ts.s = floor(r.u * :topic_slots)::int
) x JOIN topic t ON t.k = x.k;
SELECT pg_temp.lap('meeting topics', (SELECT count(*) FROM meeting_topics));

-- The meetings themselves, now that their delegations and topics are known: each row carries the export's lists
-- (migration 0026), as the API's writes set them, the delegations' countries once each and the topics' ids, sorted.
INSERT INTO meetings (id, title_en, title_ar, summary_en, summary_ar, start_date, start_date_precision, end_date,
                      end_date_precision, status, format, city_en, city_ar, country_code, latitude, longitude,
                      host_country_code, parent_meeting_id, delegation_countries, topic_ids)
SELECT m.id, m.title_en, m.title_ar, m.summary_en, m.summary_ar, m.sd, m.sp, m.ed, m.ep, m.status, m.format, m.city_en, m.city_ar,
       m.country, m.lat, m.lon, m.host, CASE WHEN m.parent IS NOT NULL THEN md5('bench-meeting:' || m.parent)::uuid END,
       coalesce(d.countries, '{}'), coalesce(t.topics, '{}')
FROM g_mt m
LEFT JOIN (SELECT i, array_agg(DISTINCT country ORDER BY country) AS countries FROM g_deleg WHERE country IS NOT NULL GROUP BY i) d
       ON d.i = m.i
LEFT JOIN (SELECT meeting_id, array_agg(topic_id ORDER BY topic_id) AS topics FROM meeting_topics GROUP BY meeting_id) t
       ON t.meeting_id = m.id
ORDER BY m.i;
SELECT pg_temp.lap('meetings', :n);

------------------------------------------------------------------------------------------------------------------
-- Sources: most meetings rest on a news report of their own (meeting 3 and 7 of every ten share the previous
-- meeting's report); one in five also cites a wire report from a shared pool of n/20.
------------------------------------------------------------------------------------------------------------------
SELECT greatest(100, :n / 20) AS wires \gset
INSERT INTO sources (id, title, publisher, url, language, published_on)
SELECT md5('bench-source:' || s.i)::uuid, s.title, p.publisher, 'https://' || p.domain || '/news/' || extract(year FROM s.sd) || '/' || s.i,
       p.language, CASE WHEN s.sp = 'day' THEN s.sd + (s.i % 3) END
FROM (
    SELECT i, sd, sp, CASE WHEN u < 0.55 THEN coalesce(title_ar, title_en) ELSE coalesce(title_en, title_ar) END AS title,
           CASE WHEN u < 0.55 THEN floor(u / 0.55 * 5)::int WHEN u < 0.8 THEN 5 + floor((u - 0.55) / 0.25 * 4)::int
                ELSE 9 + floor((u - 0.8) / 0.2 * 3)::int END AS pk
    FROM (SELECT i, sd, sp, title_en, title_ar, random() AS u FROM g_mt WHERE i % 10 NOT IN (3, 7) ORDER BY i) r
) s
JOIN (VALUES
    (0, 'بوابة الوسط', 'alwasat.ly', 'ar'), (1, 'ليبيا المستقبل', 'libya-al-mostakbal.org', 'ar'),
    (2, 'وكالة الأنباء الليبية', 'lana.gov.ly', 'ar'), (3, 'العربي الجديد', 'alaraby.co.uk', 'ar'),
    (4, 'الجزيرة نت', 'aljazeera.net', 'ar'), (5, 'Libya Herald', 'libyaherald.com', 'en'),
    (6, 'The Libya Observer', 'libyaobserver.ly', 'en'), (7, 'Reuters', 'reuters.com', 'en'),
    (8, 'Anadolu Agency', 'aa.com.tr', 'en'), (9, 'ActuNiger', 'actuniger.com', 'fr'),
    (10, 'Tchadinfos', 'tchadinfos.com', 'fr'), (11, 'Agence France-Presse', 'afp.com', 'fr')
) AS p (k, publisher, domain, language) ON p.k = s.pk;
INSERT INTO sources (id, title, publisher, url, language, published_on)
SELECT md5('bench-source:' || (:n + w))::uuid, 'Regional security round-up no. ' || w, 'Agence France-Presse',
       'https://afp.com/wire/' || w, 'en', date '1990-01-01' + (w * 7919) % 13149
FROM generate_series(1, :wires) w;
INSERT INTO meeting_sources (meeting_id, source_id)
SELECT md5('bench-meeting:' || i)::uuid, md5('bench-source:' || CASE WHEN i % 10 IN (3, 7) THEN i - 1 ELSE i END)::uuid
FROM g_mt
UNION ALL
SELECT md5('bench-meeting:' || i)::uuid, md5('bench-source:' || (:n + 1 + floor(u2 * :wires)::int))::uuid
FROM (SELECT i, random() AS u, random() AS u2 FROM g_mt ORDER BY i) r WHERE u < 0.2;
SELECT pg_temp.lap('sources + meeting sources', (SELECT count(*) FROM sources) + (SELECT count(*) FROM meeting_sources));

------------------------------------------------------------------------------------------------------------------
-- Agreements (n/4): each made (85 %) or mentioned (15 %) at a random meeting, whose delegations are its parties;
-- some are planned for or fulfilled by a later meeting.
------------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE g_agr AS
SELECT a, m, kind,
       CASE WHEN kind = 'invitation' THEN CASE WHEN u_status < 0.4 THEN 'accepted' WHEN u_status < 0.7 THEN 'fulfilled' ELSE 'proposed' END
            WHEN u_status < 0.40 THEN 'signed' WHEN u_status < 0.60 THEN 'agreed' WHEN u_status < 0.70 THEN 'in_force'
            WHEN u_status < 0.78 THEN 'proposed' WHEN u_status < 0.83 THEN 'accepted' WHEN u_status < 0.88 THEN 'fulfilled'
            WHEN u_status < 0.92 THEN 'lapsed' ELSE 'unknown' END AS status,
       u_date, u_link, u_later, u_later2, u_title, u_summary, u_person, u_witness, u_witness2
FROM (
    SELECT a, 1 + floor(u_m * :n)::int AS m,
           CASE WHEN u_kind < 0.30 THEN 'mou' WHEN u_kind < 0.55 THEN 'joint_statement' WHEN u_kind < 0.67 THEN 'bilateral_arrangement'
                WHEN u_kind < 0.77 THEN 'commitment' WHEN u_kind < 0.85 THEN 'protocol' WHEN u_kind < 0.93 THEN 'invitation'
                WHEN u_kind < 0.97 THEN 'treaty' ELSE 'multilateral_arrangement' END AS kind,
           u_status, u_date, u_link, u_later, u_later2, u_title, u_summary, u_person, u_witness, u_witness2
    FROM (
        SELECT a, random() AS u_m, random() AS u_kind, random() AS u_status, random() AS u_date, random() AS u_link,
               random() AS u_later, random() AS u_later2, random() AS u_title, random() AS u_summary, random() AS u_person,
               random() AS u_witness, random() AS u_witness2
        FROM generate_series(1, greatest(1, :n / 4)) a
    ) r
) k;
ALTER TABLE g_agr ADD PRIMARY KEY (a);

INSERT INTO agreements (id, title_en, title_ar, summary_en, summary_ar, kind, status, date, date_precision)
SELECT md5('bench-agreement:' || g.a)::uuid,
       CASE WHEN g.u_title < 0.9 THEN CASE g.kind
            WHEN 'invitation' THEN 'Invitation from ' || ca.name_en || ' to ' || cb.name_en || ' to visit'
            ELSE k.en || ' between ' || ca.name_en || ' and ' || cb.name_en || ' on ' || lower(t.en) END END,
       CASE WHEN g.u_title < 0.75 OR g.u_title >= 0.9 THEN CASE g.kind
            WHEN 'invitation' THEN 'دعوة من ' || ca.name_ar || ' إلى ' || cb.name_ar || ' للزيارة'
            ELSE k.ar || ' بين ' || ca.name_ar || ' و' || cb.name_ar || ' بشأن ' || t.ar END END,
       CASE WHEN g.u_summary < 0.4 THEN 'The parties committed to cooperate on ' || lower(t.en) || ' and to review progress within a year.' END,
       CASE WHEN g.u_summary < 0.3 THEN 'التزم الطرفان بالتعاون في مجال ' || t.ar || ' ومراجعة التقدم خلال عام.' END,
       g.kind, g.status,
       CASE WHEN g.u_date < 0.95 THEN m.sd END, CASE WHEN g.u_date < 0.95 THEN m.sp END
FROM g_agr g
JOIN g_mt m ON m.i = g.m
JOIN countries ca ON ca.code = m.c1
JOIN countries cb ON cb.code = m.c2
JOIN topic t ON t.k = m.t1
JOIN (VALUES ('treaty', 'Treaty', 'معاهدة'), ('protocol', 'Protocol', 'بروتوكول'),
             ('mou', 'Memorandum of understanding', 'مذكرة تفاهم'), ('joint_statement', 'Joint statement', 'بيان مشترك'),
             ('bilateral_arrangement', 'Arrangement', 'ترتيب ثنائي'), ('multilateral_arrangement', 'Multilateral arrangement', 'ترتيب متعدد الأطراف'),
             ('invitation', 'Invitation', 'دعوة'), ('commitment', 'Commitment', 'التزام')) AS k (kind, en, ar) ON k.kind = g.kind
ORDER BY g.a;

-- Parties: the meeting's delegations in order; signatories are their heads for treaties, protocols and MoUs;
-- one agreement in twenty has an intergovernmental witness or guarantor.
INSERT INTO agreement_parties (agreement_id, position, role, country_code, organization_id, person_id)
SELECT md5('bench-agreement:' || a)::uuid, (row_number() OVER (PARTITION BY a ORDER BY ord) - 1)::int, role, country,
       CASE WHEN org_gi IS NOT NULL THEN md5('bench-org:' || org_gi)::uuid END,
       CASE WHEN person_gi IS NOT NULL THEN md5('bench-person:' || person_gi)::uuid END
FROM (
    SELECT g.a, d.j AS ord,
           CASE WHEN g.kind = 'invitation' THEN CASE WHEN d.j = 1 THEN 'inviter' ELSE 'invitee' END
                WHEN g.kind IN ('treaty', 'protocol', 'mou') THEN 'signatory' ELSE 'party' END AS role,
           d.country, CASE WHEN d.country IS NULL OR g.u_person < 0.5 THEN d.org_gi END AS org_gi,
           CASE WHEN g.kind IN ('treaty', 'protocol', 'mou') AND d.has_head AND g.u_person < 0.6
                THEN d.pool_first + d.base % d.pool_cnt END AS person_gi
    FROM g_agr g JOIN g_deleg d ON d.i = g.m
    UNION ALL
    SELECT a, 10, CASE WHEN u_witness2 < 0.5 THEN 'witness' ELSE 'guarantor' END, NULL,
           :igo_first + floor(u_witness2 * :igo_count)::int, NULL
    FROM g_agr WHERE u_witness < 0.05
) p;

INSERT INTO agreement_meetings (agreement_id, meeting_id, link_kind)
SELECT DISTINCT md5('bench-agreement:' || a)::uuid, md5('bench-meeting:' || m)::uuid, kind FROM (
    SELECT a, m, CASE WHEN u_link < 0.85 THEN 'concluded_at' ELSE 'referenced_at' END AS kind FROM g_agr
    UNION ALL
    SELECT a, least(:n, m + 1 + floor(u_later2 * 500)::int),
           CASE WHEN kind = 'invitation' AND status = 'fulfilled' THEN 'fulfilled_by' ELSE 'planned_for' END
    FROM g_agr WHERE u_later < 0.10 OR (kind = 'invitation' AND status = 'fulfilled')
) l;
INSERT INTO agreement_sources (agreement_id, source_id)
SELECT md5('bench-agreement:' || a)::uuid, md5('bench-source:' || CASE WHEN m % 10 IN (3, 7) THEN m - 1 ELSE m END)::uuid
FROM g_agr;
SELECT pg_temp.lap('agreements + parties + links',
                   (SELECT count(*) FROM g_agr) + (SELECT count(*) FROM agreement_parties) + (SELECT count(*) FROM agreement_meetings));

------------------------------------------------------------------------------------------------------------------
-- Rebuild keys, indexes and foreign keys (which checks every row), then the search documents.
------------------------------------------------------------------------------------------------------------------
DROP TABLE g_deleg, g_agr, g_person, g_person_name;
SET max_parallel_workers_per_gather = 2;
SET max_parallel_maintenance_workers = 2;
SELECT create_sql FROM bench_ddl WHERE tbl NOT IN ('meeting_search', 'agreement_search', 'meeting_parties', 'meeting_countries', 'person_countries') ORDER BY phase, tbl, name \gexec
SELECT pg_temp.lap('rebuild keys, indexes, foreign keys', (SELECT count(*) FROM bench_ddl WHERE tbl NOT IN ('meeting_search', 'agreement_search', 'meeting_parties', 'meeting_countries', 'person_countries')));
-- What the API's meeting writes keep in meeting_parties (the seed's rows are there already), then its key and index.
INSERT INTO meeting_parties (meeting_id, country_code)
SELECT meeting_id, country_code FROM delegations WHERE country_code IS NOT NULL
UNION
SELECT id, host_country_code FROM meetings WHERE host_country_code IS NOT NULL
EXCEPT
SELECT meeting_id, country_code FROM meeting_parties;
SELECT create_sql FROM bench_ddl WHERE tbl = 'meeting_parties' ORDER BY phase, name \gexec
SELECT pg_temp.lap('meeting parties', (SELECT count(*) FROM meeting_parties));
-- And in meeting_countries: those and the place.
INSERT INTO meeting_countries (meeting_id, country_code)
SELECT meeting_id, country_code FROM meeting_parties
UNION
SELECT id, country_code FROM meetings WHERE country_code IS NOT NULL
EXCEPT
SELECT meeting_id, country_code FROM meeting_countries;
SELECT create_sql FROM bench_ddl WHERE tbl = 'meeting_countries' ORDER BY phase, name \gexec
SELECT pg_temp.lap('meeting countries', (SELECT count(*) FROM meeting_countries));
-- And in meeting_counts (0024): every meeting by the month it began in, its format and status.
TRUNCATE meeting_counts;
INSERT INTO meeting_counts (month, format, status, count)
SELECT date_trunc('month', start_date)::date, format, status, count(*) FROM meetings GROUP BY 1, 2, 3;
SELECT pg_temp.lap('meeting counts', (SELECT count(*) FROM meeting_counts));
-- And in person_countries: the countries whose delegations each person sat in.
INSERT INTO person_countries (person_id, country_code)
SELECT DISTINCT dm.person_id, d.country_code FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
WHERE d.country_code IS NOT NULL
EXCEPT
SELECT person_id, country_code FROM person_countries;
SELECT create_sql FROM bench_ddl WHERE tbl = 'person_countries' ORDER BY phase, name \gexec
SELECT pg_temp.lap('person countries', (SELECT count(*) FROM person_countries));

-- The documents come from the schema's own functions; CREATE TABLE AS runs them on both cores (INSERT … SELECT
-- would run on one), and the rows are then copied in.
ANALYZE meetings, delegations, delegation_members, persons, person_aliases, organizations, meeting_topics,
        agreements, agreement_parties;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
CREATE UNLOGGED TABLE bench_meeting_documents AS
SELECT m.id AS meeting_id, meeting_document(m.id) AS document, meeting_title(m.id) AS title FROM meetings m
WHERE NOT EXISTS (SELECT 1 FROM meeting_search s WHERE s.meeting_id = m.id);
INSERT INTO meeting_search (meeting_id, document, title) SELECT meeting_id, document, title FROM bench_meeting_documents;
DROP TABLE bench_meeting_documents;
SELECT pg_temp.lap('meeting_search documents', (SELECT count(*) FROM meeting_search));
CREATE UNLOGGED TABLE bench_agreement_documents AS
SELECT a.id AS agreement_id, agreement_document(a.id) AS document, agreement_title(a.id) AS title FROM agreements a
WHERE NOT EXISTS (SELECT 1 FROM agreement_search s WHERE s.agreement_id = a.id);
INSERT INTO agreement_search (agreement_id, document, title) SELECT agreement_id, document, title FROM bench_agreement_documents;
DROP TABLE bench_agreement_documents;
SELECT pg_temp.lap('agreement_search documents', (SELECT count(*) FROM agreement_search));
-- The words of every document (what migration 0013 and the API's writes put in search_words), also on both cores.
CREATE UNLOGGED TABLE bench_words AS
SELECT DISTINCT x.w FROM (SELECT w FROM meeting_search, document_words(document) w
                          UNION ALL
                          SELECT w FROM agreement_search, document_words(document) w) x;
INSERT INTO search_words (word) SELECT w FROM bench_words ON CONFLICT (word) DO NOTHING;
DROP TABLE bench_words;
SELECT pg_temp.lap('search words', (SELECT count(*) FROM search_words));
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SELECT create_sql FROM bench_ddl WHERE tbl IN ('meeting_search', 'agreement_search') ORDER BY phase, tbl, name \gexec
SELECT pg_temp.lap('search keys + trigram indexes', (SELECT count(*) FROM bench_ddl WHERE tbl IN ('meeting_search', 'agreement_search')));

COMMIT;

-- VACUUM sets the visibility map (index-only scans) and ANALYZE the statistics, so that neither autovacuum nor
-- stale statistics move the timings that follow.
VACUUM (ANALYZE) meetings, meeting_topics, meeting_sources, delegations, delegation_members, agreements, agreement_parties,
    agreement_meetings, agreement_sources, persons, person_aliases, organizations, sources, topics, meeting_search, agreement_search, search_words, meeting_parties, meeting_countries, person_countries;
SELECT pg_temp.lap('vacuum + analyze');

SELECT format('  %-34s %12s %9s s', 'total', '', to_char(extract(epoch FROM max(at) - min(at)), 'FM99990.0')) FROM bench_laps;
SELECT format('  %-24s %12s rows  %10s', relname, to_char(n_live_tup, 'FM999,999,999'), pg_size_pretty(pg_total_relation_size(relid)))
FROM pg_stat_user_tables
WHERE relname IN ('meetings', 'delegations', 'delegation_members', 'persons', 'person_aliases', 'organizations', 'meeting_topics',
                  'sources', 'meeting_sources', 'agreements', 'agreement_parties', 'agreement_meetings', 'meeting_search', 'agreement_search',
                  'search_words', 'meeting_parties', 'meeting_countries', 'person_countries')
ORDER BY pg_total_relation_size(relid) DESC;
SELECT format('  %-24s %12s', 'database size', pg_size_pretty(pg_database_size(current_database())));
