--
-- PostgreSQL database dump
--

\restrict T0WSoD8n0qYqHlTcc9EJOAoIL1tIScbNSRudC1mO6RA8h5ks5P0NozuRIca5Til

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: fixture_ebb794b; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA fixture_ebb794b;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: abbreviations; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.abbreviations (
    id integer NOT NULL,
    document_id integer NOT NULL,
    short text NOT NULL,
    meaning text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL
);


--
-- Name: abbreviations_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.abbreviations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: abbreviations_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.abbreviations_id_seq OWNED BY fixture_ebb794b.abbreviations.id;


--
-- Name: alembic_version; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: annex_items; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.annex_items (
    id integer NOT NULL,
    document_id integer NOT NULL,
    annex text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    date text,
    number text,
    adopted text,
    follow_up text NOT NULL,
    "group" text NOT NULL
);


--
-- Name: annex_items_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.annex_items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: annex_items_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.annex_items_id_seq OWNED BY fixture_ebb794b.annex_items.id;


--
-- Name: articles; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.articles (
    id integer NOT NULL,
    document_id integer NOT NULL,
    code text NOT NULL,
    part_entity text NOT NULL,
    part_kind text NOT NULL,
    part_program text NOT NULL,
    part_middle text NOT NULL,
    part_suffix text NOT NULL,
    printed_code text NOT NULL,
    name text NOT NULL,
    ise text,
    policy_field text,
    entity text,
    goals json NOT NULL,
    summary text NOT NULL,
    explanation text NOT NULL,
    table_indexes json NOT NULL,
    generic_table_indexes json NOT NULL,
    credit_evolution json,
    page integer NOT NULL,
    line integer NOT NULL,
    end_line integer NOT NULL
);


--
-- Name: articles_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.articles_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: articles_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.articles_id_seq OWNED BY fixture_ebb794b.articles.id;


--
-- Name: documents; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.documents (
    id integer NOT NULL,
    name text NOT NULL,
    sha256 character varying(64) NOT NULL,
    kind text NOT NULL,
    stage text NOT NULL,
    year integer NOT NULL,
    domain text NOT NULL,
    domain_letter text NOT NULL,
    title text NOT NULL,
    format text NOT NULL,
    page_count integer NOT NULL,
    ingested_at timestamp with time zone NOT NULL,
    file_name text DEFAULT ''::text NOT NULL
);


--
-- Name: documents_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.documents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: documents_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.documents_id_seq OWNED BY fixture_ebb794b.documents.id;


--
-- Name: facts; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.facts (
    id integer NOT NULL,
    document_id integer NOT NULL,
    scope text NOT NULL,
    subject text NOT NULL,
    "row" text NOT NULL,
    credit text NOT NULL,
    year integer NOT NULL,
    stage text NOT NULL,
    value bigint NOT NULL,
    page integer NOT NULL,
    source_line integer NOT NULL,
    table_index integer NOT NULL,
    perimeter text NOT NULL
);


--
-- Name: facts_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.facts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: facts_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.facts_id_seq OWNED BY fixture_ebb794b.facts.id;


--
-- Name: findings; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.findings (
    id integer NOT NULL,
    document_id integer,
    related_document_id integer,
    rule text NOT NULL,
    severity text NOT NULL,
    message text NOT NULL,
    numbers json NOT NULL,
    expected double precision,
    locations json NOT NULL,
    subject text,
    actual double precision,
    verified boolean,
    context json,
    finding_id text
);


--
-- Name: findings_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.findings_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: findings_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.findings_id_seq OWNED BY fixture_ebb794b.findings.id;


--
-- Name: footnotes; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.footnotes (
    id integer NOT NULL,
    document_id integer NOT NULL,
    number integer NOT NULL,
    text text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    cites json NOT NULL
);


--
-- Name: footnotes_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.footnotes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: footnotes_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.footnotes_id_seq OWNED BY fixture_ebb794b.footnotes.id;


--
-- Name: generic_tables; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.generic_tables (
    id integer NOT NULL,
    document_id integer NOT NULL,
    table_index integer NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    end_line integer NOT NULL,
    header json NOT NULL,
    rows json NOT NULL,
    numbers json NOT NULL,
    article text,
    section text NOT NULL
);


--
-- Name: generic_tables_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.generic_tables_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: generic_tables_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.generic_tables_id_seq OWNED BY fixture_ebb794b.generic_tables.id;


--
-- Name: goals; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.goals (
    id integer NOT NULL,
    document_id integer NOT NULL,
    code text NOT NULL,
    level text NOT NULL,
    number integer NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    parent text,
    themes json NOT NULL,
    ises json NOT NULL,
    bullets json NOT NULL
);


--
-- Name: goals_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.goals_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: goals_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.goals_id_seq OWNED BY fixture_ebb794b.goals.id;


--
-- Name: ises; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.ises (
    id integer NOT NULL,
    document_id integer NOT NULL,
    key text NOT NULL,
    name text NOT NULL,
    program text NOT NULL,
    policy_field text NOT NULL,
    perimeter text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL
);


--
-- Name: ises_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.ises_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ises_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.ises_id_seq OWNED BY fixture_ebb794b.ises.id;


--
-- Name: programs; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.programs (
    id integer NOT NULL,
    document_id integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL
);


--
-- Name: programs_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.programs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: programs_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.programs_id_seq OWNED BY fixture_ebb794b.programs.id;


--
-- Name: reviews; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.reviews (
    id integer NOT NULL,
    finding_id text NOT NULL,
    verdict text NOT NULL,
    note text NOT NULL,
    reviewer text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: reviews_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.reviews_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reviews_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.reviews_id_seq OWNED BY fixture_ebb794b.reviews.id;


--
-- Name: search_entries; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.search_entries (
    id integer NOT NULL,
    document_id integer NOT NULL,
    kind text NOT NULL,
    key text NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer,
    text text NOT NULL
);


--
-- Name: search_index; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.search_index (
    entry_id integer NOT NULL,
    terms tsvector NOT NULL
);


--
-- Name: sections; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.sections (
    id integer NOT NULL,
    document_id integer NOT NULL,
    section_id text NOT NULL,
    kind text NOT NULL,
    number text NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    end_line integer NOT NULL,
    parent text,
    text text NOT NULL
);


--
-- Name: sections_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.sections_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sections_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.sections_id_seq OWNED BY fixture_ebb794b.sections.id;


--
-- Name: slides; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.slides (
    id integer NOT NULL,
    document_id integer NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL
);


--
-- Name: slides_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.slides_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: slides_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.slides_id_seq OWNED BY fixture_ebb794b.slides.id;


--
-- Name: statements; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.statements (
    id integer NOT NULL,
    document_id integer NOT NULL,
    subject text NOT NULL,
    text text NOT NULL,
    total double precision,
    change double precision,
    reference_year integer,
    causes json NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL
);


--
-- Name: statements_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.statements_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: statements_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.statements_id_seq OWNED BY fixture_ebb794b.statements.id;


--
-- Name: tables; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.tables (
    id integer NOT NULL,
    document_id integer NOT NULL,
    table_index integer NOT NULL,
    layout text NOT NULL,
    scope text NOT NULL,
    subject text NOT NULL,
    title text NOT NULL,
    page integer NOT NULL,
    line integer NOT NULL,
    perimeter text NOT NULL,
    section text NOT NULL,
    has_total boolean NOT NULL
);


--
-- Name: tables_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.tables_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tables_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.tables_id_seq OWNED BY fixture_ebb794b.tables.id;


--
-- Name: warnings; Type: TABLE; Schema: fixture_ebb794b; Owner: -
--

CREATE TABLE fixture_ebb794b.warnings (
    id integer NOT NULL,
    document_id integer NOT NULL,
    code text NOT NULL,
    message text NOT NULL,
    page integer,
    line integer
);


--
-- Name: warnings_id_seq; Type: SEQUENCE; Schema: fixture_ebb794b; Owner: -
--

CREATE SEQUENCE fixture_ebb794b.warnings_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: warnings_id_seq; Type: SEQUENCE OWNED BY; Schema: fixture_ebb794b; Owner: -
--

ALTER SEQUENCE fixture_ebb794b.warnings_id_seq OWNED BY fixture_ebb794b.warnings.id;


--
-- Name: abbreviations id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.abbreviations ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.abbreviations_id_seq'::regclass);


--
-- Name: annex_items id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.annex_items ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.annex_items_id_seq'::regclass);


--
-- Name: articles id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.articles ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.articles_id_seq'::regclass);


--
-- Name: documents id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.documents ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.documents_id_seq'::regclass);


--
-- Name: facts id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.facts ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.facts_id_seq'::regclass);


--
-- Name: findings id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.findings ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.findings_id_seq'::regclass);


--
-- Name: footnotes id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.footnotes ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.footnotes_id_seq'::regclass);


--
-- Name: generic_tables id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.generic_tables ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.generic_tables_id_seq'::regclass);


--
-- Name: goals id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.goals ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.goals_id_seq'::regclass);


--
-- Name: ises id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.ises ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.ises_id_seq'::regclass);


--
-- Name: programs id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.programs ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.programs_id_seq'::regclass);


--
-- Name: reviews id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.reviews ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.reviews_id_seq'::regclass);


--
-- Name: sections id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.sections ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.sections_id_seq'::regclass);


--
-- Name: slides id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.slides ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.slides_id_seq'::regclass);


--
-- Name: statements id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.statements ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.statements_id_seq'::regclass);


--
-- Name: tables id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.tables ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.tables_id_seq'::regclass);


--
-- Name: warnings id; Type: DEFAULT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.warnings ALTER COLUMN id SET DEFAULT nextval('fixture_ebb794b.warnings_id_seq'::regclass);


--
-- Data for Name: abbreviations; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.alembic_version VALUES ('0005_review_trail');


--
-- Data for Name: annex_items; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: articles; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: documents; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.documents VALUES (1, '003_99a07576850413ae', 'b892ba781c9dacee753be750ea3ab6a7b1d472df3f641c86cfb3908bcf529cdc', 'slides', 'BO', 2022, 'Werk en Sociale Economie', 'J', 'Presentatie BBT 2022 Werk en Sociale Economie', 'text', 9, '2026-12-04 22:22:39.383776+00', '003_99a07576850413ae.txt');


--
-- Data for Name: facts; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.facts VALUES (1, 1, 'program', 'JA', 'total', 'VAK', 2021, 'BA', 38456, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (2, 1, 'program', 'JA', 'total', 'VEK', 2021, 'BA', 38791, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (3, 1, 'program', 'JA', 'total', 'VAK', 2022, 'DELTA', 4379, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (4, 1, 'program', 'JA', 'total', 'VEK', 2022, 'DELTA', 4335, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (5, 1, 'program', 'JA', 'total', 'VAK', 2022, 'BO', 42835, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (6, 1, 'program', 'JA', 'total', 'VEK', 2022, 'BO', 43126, 2, 16, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (7, 1, 'program', 'JB', 'total', 'VAK', 2021, 'BA', 7061, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (8, 1, 'program', 'JB', 'total', 'VEK', 2021, 'BA', 5740, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (9, 1, 'program', 'JB', 'total', 'VAK', 2022, 'DELTA', 9063, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (10, 1, 'program', 'JB', 'total', 'VEK', 2022, 'DELTA', 5508, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (11, 1, 'program', 'JB', 'total', 'VAK', 2022, 'BO', 16124, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (12, 1, 'program', 'JB', 'total', 'VEK', 2022, 'BO', 11248, 2, 17, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (13, 1, 'program', 'JD', 'total', 'VAK', 2021, 'BA', 2856233, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (14, 1, 'program', 'JD', 'total', 'VEK', 2021, 'BA', 2846900, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (15, 1, 'program', 'JD', 'total', 'VAK', 2022, 'DELTA', 57074, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (16, 1, 'program', 'JD', 'total', 'VEK', 2022, 'DELTA', 81318, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (17, 1, 'program', 'JD', 'total', 'VAK', 2022, 'BO', 2913307, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (18, 1, 'program', 'JD', 'total', 'VEK', 2022, 'BO', 2928218, 2, 19, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (19, 1, 'ise', 'JD:activering', 'total', 'VAK', 2021, 'BA', 1155467, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (20, 1, 'ise', 'JD:activering', 'total', 'VEK', 2021, 'BA', 1151991, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (21, 1, 'ise', 'JD:activering', 'total', 'VAK', 2022, 'DELTA', 18307, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (22, 1, 'ise', 'JD:activering', 'total', 'VEK', 2022, 'DELTA', 18470, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (23, 1, 'ise', 'JD:activering', 'total', 'VAK', 2022, 'BO', 1173774, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (24, 1, 'ise', 'JD:activering', 'total', 'VEK', 2022, 'BO', 1170461, 2, 21, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (25, 1, 'ise', 'JD:loopbanen', 'total', 'VAK', 2021, 'BA', 1642658, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (26, 1, 'ise', 'JD:loopbanen', 'total', 'VEK', 2021, 'BA', 1642658, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (27, 1, 'ise', 'JD:loopbanen', 'total', 'VAK', 2022, 'DELTA', 57697, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (28, 1, 'ise', 'JD:loopbanen', 'total', 'VEK', 2022, 'DELTA', 57697, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (29, 1, 'ise', 'JD:loopbanen', 'total', 'VAK', 2022, 'BO', 1700355, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (30, 1, 'ise', 'JD:loopbanen', 'total', 'VEK', 2022, 'BO', 1700355, 2, 23, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (31, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VAK', 2021, 'BA', 28532, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (32, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VEK', 2021, 'BA', 18147, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (33, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VAK', 2022, 'DELTA', -15158, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (34, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VEK', 2022, 'DELTA', -708, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (35, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VAK', 2022, 'BO', 13374, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (36, 1, 'ise', 'JD:duurzame-arbeidsmarkt', 'total', 'VEK', 2022, 'BO', 17439, 2, 25, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (37, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VAK', 2021, 'BA', 29576, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (38, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VEK', 2021, 'BA', 34104, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (39, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VAK', 2022, 'DELTA', -3772, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (40, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VEK', 2022, 'DELTA', 5859, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (41, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VAK', 2022, 'BO', 25804, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (42, 1, 'ise', 'JD:thema-overschrijdend', 'total', 'VEK', 2022, 'BO', 39963, 2, 27, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (43, 1, 'program', 'JF', 'total', 'VAK', 2021, 'BA', 240441, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (44, 1, 'program', 'JF', 'total', 'VEK', 2021, 'BA', 240441, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (45, 1, 'program', 'JF', 'total', 'VAK', 2022, 'DELTA', 2744, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (46, 1, 'program', 'JF', 'total', 'VEK', 2022, 'DELTA', 2744, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (47, 1, 'program', 'JF', 'total', 'VAK', 2022, 'BO', 243185, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (48, 1, 'program', 'JF', 'total', 'VEK', 2022, 'BO', 243185, 2, 28, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (49, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2021, 'BA', 240441, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (50, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2021, 'BA', 240441, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (51, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2022, 'DELTA', 2744, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (52, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2022, 'DELTA', 2744, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (53, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2022, 'BO', 243185, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (54, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2022, 'BO', 243185, 2, 30, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (55, 1, 'program', 'JE', 'total', 'VAK', 2021, 'BA', 526365, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (56, 1, 'program', 'JE', 'total', 'VEK', 2021, 'BA', 527021, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (57, 1, 'program', 'JE', 'total', 'VAK', 2022, 'DELTA', 5535, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (58, 1, 'program', 'JE', 'total', 'VEK', 2022, 'DELTA', 5007, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (59, 1, 'program', 'JE', 'total', 'VAK', 2022, 'BO', 531900, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (60, 1, 'program', 'JE', 'total', 'VEK', 2022, 'BO', 532028, 2, 31, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (61, 1, 'ise', 'JE:activering', 'total', 'VAK', 2021, 'BA', 514456, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (62, 1, 'ise', 'JE:activering', 'total', 'VEK', 2021, 'BA', 514984, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (63, 1, 'ise', 'JE:activering', 'total', 'VAK', 2022, 'DELTA', 5456, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (64, 1, 'ise', 'JE:activering', 'total', 'VEK', 2022, 'DELTA', 4928, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (65, 1, 'ise', 'JE:activering', 'total', 'VAK', 2022, 'BO', 519912, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (66, 1, 'ise', 'JE:activering', 'total', 'VEK', 2022, 'BO', 519912, 2, 33, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (67, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VAK', 2021, 'BA', 11909, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (68, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VEK', 2021, 'BA', 12037, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (69, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VAK', 2022, 'DELTA', 79, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (70, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VEK', 2022, 'DELTA', 79, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (71, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VAK', 2022, 'BO', 11988, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (72, 1, 'ise', 'JE:duurzame-arbeidsmarkt', 'total', 'VEK', 2022, 'BO', 12116, 2, 37, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (73, 1, 'total', 'TOTAL', 'total', 'VAK', 2021, 'BA', 3668556, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (74, 1, 'total', 'TOTAL', 'total', 'VEK', 2021, 'BA', 3658893, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (75, 1, 'total', 'TOTAL', 'total', 'VAK', 2022, 'DELTA', 78795, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (76, 1, 'total', 'TOTAL', 'total', 'VEK', 2022, 'DELTA', 98912, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (77, 1, 'total', 'TOTAL', 'total', 'VAK', 2022, 'BO', 3747351, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (78, 1, 'total', 'TOTAL', 'total', 'VEK', 2022, 'BO', 3757805, 2, 39, 0, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)');
INSERT INTO fixture_ebb794b.facts VALUES (79, 1, 'program', 'JD', 'total', 'VAK', 2021, 'BA', 548010, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (80, 1, 'program', 'JD', 'total', 'VEK', 2021, 'BA', 548154, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (81, 1, 'program', 'JD', 'total', 'VAK', 2022, 'DELTA', 1523, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (82, 1, 'program', 'JD', 'total', 'VEK', 2022, 'DELTA', 1686, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (83, 1, 'program', 'JD', 'total', 'VAK', 2022, 'BO', 549533, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (84, 1, 'program', 'JD', 'total', 'VEK', 2022, 'BO', 549840, 2, 48, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (85, 1, 'ise', 'JD:activering', 'total', 'VAK', 2021, 'BA', 548010, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (86, 1, 'ise', 'JD:activering', 'total', 'VEK', 2021, 'BA', 548154, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (87, 1, 'ise', 'JD:activering', 'total', 'VAK', 2022, 'DELTA', 1523, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (88, 1, 'ise', 'JD:activering', 'total', 'VEK', 2022, 'DELTA', 1686, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (89, 1, 'ise', 'JD:activering', 'total', 'VAK', 2022, 'BO', 549533, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (90, 1, 'ise', 'JD:activering', 'total', 'VEK', 2022, 'BO', 549840, 2, 50, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (91, 1, 'program', 'JF', 'total', 'VAK', 2021, 'BA', 164376, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (92, 1, 'program', 'JF', 'total', 'VEK', 2021, 'BA', 164376, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (93, 1, 'program', 'JF', 'total', 'VAK', 2022, 'DELTA', 2707, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (94, 1, 'program', 'JF', 'total', 'VEK', 2022, 'DELTA', 2707, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (95, 1, 'program', 'JF', 'total', 'VAK', 2022, 'BO', 167083, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (96, 1, 'program', 'JF', 'total', 'VEK', 2022, 'BO', 167083, 2, 52, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (97, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2021, 'BA', 164376, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (98, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2021, 'BA', 164376, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (99, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2022, 'DELTA', 2707, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (100, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2022, 'DELTA', 2707, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (101, 1, 'ise', 'JF:competenties', 'total', 'VAK', 2022, 'BO', 167083, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (102, 1, 'ise', 'JF:competenties', 'total', 'VEK', 2022, 'BO', 167083, 2, 54, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (103, 1, 'total', 'TOTAL', 'total', 'VAK', 2021, 'BA', 712386, 2, 56, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (104, 1, 'total', 'TOTAL', 'total', 'VEK', 2021, 'BA', 712530, 2, 56, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (105, 1, 'total', 'TOTAL', 'total', 'VAK', 2022, 'DELTA', 4230, 2, 56, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (106, 1, 'total', 'TOTAL', 'total', 'VEK', 2022, 'DELTA', 4393, 2, 56, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (107, 1, 'total', 'TOTAL', 'total', 'VAK', 2022, 'BO', 716616, 2, 56, 1, 'VDAB');
INSERT INTO fixture_ebb794b.facts VALUES (108, 1, 'total', 'TOTAL', 'total', 'VEK', 2022, 'BO', 716923, 2, 56, 1, 'VDAB');


--
-- Data for Name: findings; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.findings VALUES (1, 1, NULL, 'statement-mismatch', 'warning', 'JE:duurzame-arbeidsmarkt: statement total ''11,9 miljoen'' does not match BO 2022 (VAK 11.988, VEK 12.116); the printed figure matches BA 2021 VAK of JE:duurzame-arbeidsmarkt (11.909)', '{"printed": 11900.0, "step": 100.0, "BO VAK": 11988, "BO VEK": 12116}', 11988, '[{"document": "003_99a07576850413ae", "page": 7, "source_line": 323}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 37}]', 'JE:duurzame-arbeidsmarkt', 11900, false, '{}', 'F0b7553f0518b');
INSERT INTO fixture_ebb794b.findings VALUES (2, 1, NULL, 'statement-check', 'info', 'JD:activering: statement total ''1,2 miljard'' agrees with BO 2022 (VAK 1.173.774, VEK 1.170.461)', '{"printed": 1200000.0, "step": 100000.0, "BO VAK": 1173774, "BO VEK": 1170461}', 1173774, '[{"document": "003_99a07576850413ae", "page": 4, "source_line": 157}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 21}]', 'JD:activering', 1200000, true, '{}', 'F7b9d247c0b7a');
INSERT INTO fixture_ebb794b.findings VALUES (3, 1, NULL, 'statement-check', 'info', 'JD:activering: statement change ''18,3 miljoen'' agrees with DELTA 2022 (VAK 18.307, VEK 18.470)', '{"printed": 18300.0, "step": 100.0, "DELTA VAK": 18307, "DELTA VEK": 18470}', 18307, '[{"document": "003_99a07576850413ae", "page": 4, "source_line": 158}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 21}]', 'JD:activering', 18300, true, '{}', 'Fd9d98bc8e122');
INSERT INTO fixture_ebb794b.findings VALUES (4, 1, NULL, 'statement-check', 'info', 'JE:activering: statement total ''520 miljoen'' agrees with BO 2022 (VAK 519.912, VEK 519.912)', '{"printed": 520000.0, "step": 1000.0, "BO VAK": 519912, "BO VEK": 519912}', 519912, '[{"document": "003_99a07576850413ae", "page": 4, "source_line": 173}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 33}]', 'JE:activering', 520000, true, '{}', 'Fd3f0800a41d2');
INSERT INTO fixture_ebb794b.findings VALUES (5, 1, NULL, 'statement-check', 'info', 'JE:activering: statement change ''5,5 miljoen'' agrees with DELTA 2022 (VAK 5.456, VEK 4.928)', '{"printed": 5500.0, "step": 100.0, "DELTA VAK": 5456, "DELTA VEK": 4928}', 5456, '[{"document": "003_99a07576850413ae", "page": 4, "source_line": 174}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 33}]', 'JE:activering', 5500, true, '{}', 'F213803cbf900');
INSERT INTO fixture_ebb794b.findings VALUES (6, 1, NULL, 'statement-check', 'info', 'JD:loopbanen: statement total ''1,7 miljard'' agrees with BO 2022 (VAK 1.700.355, VEK 1.700.355)', '{"printed": 1700000.0, "step": 100000.0, "BO VAK": 1700355, "BO VEK": 1700355}', 1700355, '[{"document": "003_99a07576850413ae", "page": 6, "source_line": 238}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 23}]', 'JD:loopbanen', 1700000, true, '{}', 'Fca00f1f0e5b0');
INSERT INTO fixture_ebb794b.findings VALUES (7, 1, NULL, 'statement-check', 'info', 'JD:loopbanen: statement change ''57,7 miljoen'' agrees with DELTA 2022 (VAK 57.697, VEK 57.697)', '{"printed": 57700.0, "step": 100.0, "DELTA VAK": 57697, "DELTA VEK": 57697}', 57697, '[{"document": "003_99a07576850413ae", "page": 6, "source_line": 238}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 23}]', 'JD:loopbanen', 57700, true, '{}', 'F1b7f58406563');
INSERT INTO fixture_ebb794b.findings VALUES (8, 1, NULL, 'statement-check', 'info', 'JF:competenties: statement total ''243 miljoen'' agrees with BO 2022 (VAK 243.185, VEK 243.185)', '{"printed": 243000.0, "step": 1000.0, "BO VAK": 243185, "BO VEK": 243185}', 243185, '[{"document": "003_99a07576850413ae", "page": 6, "source_line": 261}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 30}]', 'JF:competenties', 243000, true, '{}', 'F48b5d1605eae');
INSERT INTO fixture_ebb794b.findings VALUES (9, 1, NULL, 'statement-check', 'info', 'JF:competenties: statement change ''2,7 miljoen'' agrees with DELTA 2022 (VAK 2.744, VEK 2.744)', '{"printed": 2700.0, "step": 100.0, "DELTA VAK": 2744, "DELTA VEK": 2744}', 2744, '[{"document": "003_99a07576850413ae", "page": 6, "source_line": 262}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 30}]', 'JF:competenties', 2700, true, '{}', 'F499a34a296c5');
INSERT INTO fixture_ebb794b.findings VALUES (10, 1, NULL, 'statement-check', 'info', 'JD:duurzame-arbeidsmarkt: statement total ''13,4 miljoen'' agrees with BO 2022 (VAK 13.374, VEK 17.439)', '{"printed": 13400.0, "step": 100.0, "BO VAK": 13374, "BO VEK": 17439}', 13374, '[{"document": "003_99a07576850413ae", "page": 7, "source_line": 308}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 25}]', 'JD:duurzame-arbeidsmarkt', 13400, true, '{}', 'F3bfa36899587');
INSERT INTO fixture_ebb794b.findings VALUES (11, 1, NULL, 'statement-check', 'info', 'JD:duurzame-arbeidsmarkt: statement change ''15,2 miljoen'' agrees with DELTA 2022 (VAK -15.158, VEK -708)', '{"printed": -15200.0, "step": 100.0, "DELTA VAK": -15158, "DELTA VEK": -708}', -15158, '[{"document": "003_99a07576850413ae", "page": 7, "source_line": 309}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 25}]', 'JD:duurzame-arbeidsmarkt', -15200, true, '{}', 'Ffc494ab8dd17');
INSERT INTO fixture_ebb794b.findings VALUES (12, 1, NULL, 'statement-check', 'info', 'JE:duurzame-arbeidsmarkt: statement change ''0,08 miljoen'' agrees with DELTA 2022 (VAK 79, VEK 79)', '{"printed": 80.0, "step": 10.0, "DELTA VAK": 79, "DELTA VEK": 79}', 79, '[{"document": "003_99a07576850413ae", "page": 7, "source_line": 324}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 37}]', 'JE:duurzame-arbeidsmarkt', 80, true, '{}', 'F2f785b102144');
INSERT INTO fixture_ebb794b.findings VALUES (13, 1, NULL, 'statement-check', 'info', 'JD:thema-overschrijdend: statement total ''25,8 miljoen'' agrees with BO 2022 (VAK 25.804, VEK 39.963)', '{"printed": 25800.0, "step": 100.0, "BO VAK": 25804, "BO VEK": 39963}', 25804, '[{"document": "003_99a07576850413ae", "page": 8, "source_line": 348}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 27}]', 'JD:thema-overschrijdend', 25800, true, '{}', 'F3c8f8a7face4');
INSERT INTO fixture_ebb794b.findings VALUES (14, 1, NULL, 'statement-check', 'info', 'JD:thema-overschrijdend: statement change ''3,8 miljoen'' agrees with DELTA 2022 (VAK -3.772, VEK 5.859)', '{"printed": -3800.0, "step": 100.0, "DELTA VAK": -3772, "DELTA VEK": 5859}', -3772, '[{"document": "003_99a07576850413ae", "page": 8, "source_line": 348}, {"document": "003_99a07576850413ae", "page": 2, "source_line": 27}]', 'JD:thema-overschrijdend', -3800, true, '{}', 'F4e526a01d30e');


--
-- Data for Name: footnotes; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: generic_tables; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: goals; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.goals VALUES (1, 1, 'SD 1', 'sd', 1, 'Meer mensen aan het werk', 3, 63, NULL, '[]', '["Activering (werk)", "Activering (sociale economie)"]', '["Activering van (langdurig) werkzoekenden", "Activering van nieuwe groepen", "o.a. leefloners, NEET-jongeren en", "Versterkte samenwerking tussen VDAB en partners (zoals o.a. lokale besturen, RIZIV,\u2026)", "Re-integratie van langdurig zieken: 7.500 trajecten in 2022", "Specifiek VDAB-aanbod naar oudere werkzoekenden en werkzoekenden in SWT", "Talenplan \u2018Vijf voor Taal\u2019", "Collectief maatwerk & zorgzame doorstroom", "Bv. 1000 extra jobs sociale circulaire", "Aantrekken van buitenlands talent", "Uitrol van jobbonus en jobbonus+", "Jobbonus: gericht op loontrekkenden met", "Een gericht doelgroepenbeleid"]');
INSERT INTO fixture_ebb794b.goals VALUES (2, 1, 'SD 2', 'sd', 2, 'Sterke loopbanen binnen een stimulerend leerklimaat', 3, 74, NULL, '[]', '["Loopbanen", "Competenties"]', '["Een betere balans tussen werk en gezin", "Dienstencheques", "Thematische verloven", "Faciliteren loopbaantransities- en bewegingen", "Gepersonaliseerd loopbaanplatform VDAB", "Loopbaancheques", "Transitiepunten (werk-naar-werk): proefproject Careerflow", "Een toekomstgericht en kwaliteitsvol opleidingsaanbod (ook online)", "Het Vlaams Opleidingsverlof (\u2018gemeenschappelijk initiatiefrecht\u2019)", "Een individuele leer- en loopbaanrekening", "Innovatieve leermethoden", "o.a. duaal leren", "Partnerschap Levenslang leren (PLL)", "Advies arbeidsmarktexperten als inspiratiebron", "Competentieprognosemodel"]');
INSERT INTO fixture_ebb794b.goals VALUES (3, 1, 'SD 3', 'sd', 3, 'Veerkrachtige ondernemingen in een toekomstbestendige arbeidsmarkt', 3, 85, NULL, '[]', '["Duurzame arbeidsmarkt (werk)", "Duurzame arbeidsmarkt (sociale economie)"]', '["Werken aan werkbaar werk", "werkbaarheidscheques", "(Actieplan) Telewerk \u2192 ook post-corona", "(Inter)sectorale afspraken", "Sectorconvenants", "Intersectorale adviseurs", "Bestrijden van discriminatie: monitoring en acties", "Sociaal en maatschappelijk verantwoord ondernemerschap (MVO) ondersteunen"]');


--
-- Data for Name: ises; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.ises VALUES (1, 1, 'JD:activering', 'activering', 'JD', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 21);
INSERT INTO fixture_ebb794b.ises VALUES (2, 1, 'JD:loopbanen', 'loopbanen', 'JD', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 23);
INSERT INTO fixture_ebb794b.ises VALUES (3, 1, 'JD:duurzame-arbeidsmarkt', 'duurzame arbeidsmarkt', 'JD', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 25);
INSERT INTO fixture_ebb794b.ises VALUES (4, 1, 'JD:thema-overschrijdend', 'thema-overschrijdend', 'JD', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 27);
INSERT INTO fixture_ebb794b.ises VALUES (5, 1, 'JF:competenties', 'competenties', 'JF', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 30);
INSERT INTO fixture_ebb794b.ises VALUES (6, 1, 'JE:activering', 'activering SE', 'JE', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 33);
INSERT INTO fixture_ebb794b.ises VALUES (7, 1, 'JE:duurzame-arbeidsmarkt', 'duurzame arbeidsmarkt SE', 'JE', '', 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 37);


--
-- Data for Name: programs; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.programs VALUES (1, 1, 'JA', '', 0, 0);
INSERT INTO fixture_ebb794b.programs VALUES (2, 1, 'JB', '', 0, 0);
INSERT INTO fixture_ebb794b.programs VALUES (3, 1, 'JD', '', 0, 0);
INSERT INTO fixture_ebb794b.programs VALUES (4, 1, 'JE', '', 0, 0);
INSERT INTO fixture_ebb794b.programs VALUES (5, 1, 'JF', '', 0, 0);


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.reviews VALUES (1, 'F0b7553f0518b', 'confirmed', 'fixture', 'fixture', '2026-12-04 22:22:43.454243+00');


--
-- Data for Name: search_entries; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: search_index; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: sections; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Data for Name: slides; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.slides VALUES (1, 1, 'Toelichting BBT', 1, 1);
INSERT INTO fixture_ebb794b.slides VALUES (2, 1, 'Budgetevolutie Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 41);
INSERT INTO fixture_ebb794b.slides VALUES (3, 1, 'Budgetevolutie VDAB', 2, 58);
INSERT INTO fixture_ebb794b.slides VALUES (4, 1, 'BBT-structuur Werk en Sociale Economie', 3, 59);
INSERT INTO fixture_ebb794b.slides VALUES (5, 1, 'Meer mensen aan het werk', 3, 118);
INSERT INTO fixture_ebb794b.slides VALUES (6, 1, 'Meer mensen aan het werk', 4, 146);
INSERT INTO fixture_ebb794b.slides VALUES (7, 1, 'Meer mensen aan het werk Begrotingsinfo', 4, 166);
INSERT INTO fixture_ebb794b.slides VALUES (8, 1, 'Sterke loopbanen binnen een stimulerend leerklimaat', 5, 205);
INSERT INTO fixture_ebb794b.slides VALUES (9, 1, 'Sterke loopbanen binnen een stimulerend leerklimaat', 5, 226);
INSERT INTO fixture_ebb794b.slides VALUES (10, 1, 'Begrotingsinfo', 6, 232);
INSERT INTO fixture_ebb794b.slides VALUES (11, 1, 'Sterke loopbanen binnen een stimulerend leerklimaat Begrotingsinfo', 6, 269);
INSERT INTO fixture_ebb794b.slides VALUES (12, 1, 'Veerkrachtige ondernemingen in een toekomstbestendige arbeidsmarkt', 7, 292);
INSERT INTO fixture_ebb794b.slides VALUES (13, 1, 'Veerkrachtige ondernemingen in een toekomstbestendige arbeidsmarkt Begrotingsinfo', 7, 305);
INSERT INTO fixture_ebb794b.slides VALUES (14, 1, 'Begrotingsinfo', 8, 366);


--
-- Data for Name: statements; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.statements VALUES (1, 1, 'JD:activering', 'Totaal beleidskrediet 1,2 miljard: toename van 18,3 miljoen t.o.v. 2021', 1200000, 18300, 2021, '[{"label": "Jobbonus+ (15 miljoen, nieuw beleid)", "amount": 15000.0}, {"label": "index VOP +1,8 miljoen en VDAB 1,5 miljoen netto", "amount": 1800.0}]', 4, 157);
INSERT INTO fixture_ebb794b.statements VALUES (2, 1, 'JE:activering', 'Totaal beleidskrediet 520 miljoen: toename 5,5 miljoen t.o.v. 2021', 520000, 5500, 2021, '[{"label": "index +9,4 miljoen", "amount": 9400.0}, {"label": "SINE: -3,9 miljoen euro o.w.v geactualiseerde raming", "amount": -3900.0}]', 4, 173);
INSERT INTO fixture_ebb794b.statements VALUES (3, 1, 'JD:loopbanen', 'Totaal beleidskrediet 1,7 miljard: toename 57,7 miljoen t.o.v 2021', 1700000, 57700, 2021, '[{"label": "Dienstencheques:", "amount": null}, {"label": "+13 miljoen aanpassing indexatiemechanisme (nieuw beleid)", "amount": 13000.0}, {"label": "+11,8 miljoen verwachte groei aantal aangekochte dienstencheques", "amount": 11800.0}, {"label": "+35,7 miljoen index", "amount": 35700.0}, {"label": "-1,9 miljoen (prognose aangekochte dienstencheques nov/dec)", "amount": -1900.0}, {"label": "Vlaams zorgkrediet: +1,1 miljoen (index +1,8 miljoen en -0,7 miljoen LBO)", "amount": 1100.0}, {"label": "Aanmoedigingspremies landingsbanen -1,8 miljoen", "amount": -1800.0}]', 6, 238);
INSERT INTO fixture_ebb794b.statements VALUES (4, 1, 'JF:competenties', 'Totaal beleidskrediet 243 miljoen: toename 2,7 miljoen t.o.v 2021', 243000, 2700, 2021, '[{"label": "VDAB-toelage: +2,7 miljoen omwille van indexering van de kredieten", "amount": 2700.0}]', 6, 261);
INSERT INTO fixture_ebb794b.statements VALUES (5, 1, 'JD:duurzame-arbeidsmarkt', 'Totaal beleidskrediet 13,4 miljoen: daling 15,2 miljoen t.o.v. 2021', 13400, -15200, 2021, '[{"label": "Sectorconvenants 2021-2022 werden grotendeels vastgelegd in 2021. In 2022 tijdelijke terugkeer VAK naar de algemene middelen tot volgende generatie sectorconvenants vastgelegd wordt.", "amount": null}]', 7, 308);
INSERT INTO fixture_ebb794b.statements VALUES (6, 1, 'JE:duurzame-arbeidsmarkt', 'Totaal beleidskrediet 11,9 miljoen: toename 0,08 miljoen t.o.v. 2021', 11900, 80, 2021, '[{"label": "indexactie", "amount": null}]', 7, 323);
INSERT INTO fixture_ebb794b.statements VALUES (7, 1, 'JD:thema-overschrijdend', 'Totaal beleidskrediet 25,8 miljoen: daling 3,8 miljoen t.o.v. 2021', 25800, -3800, 2021, '[{"label": "ESF-budget:", "amount": null}, {"label": "-3,7 miljoen minder opname uit het begrotingsfonds ESF 2014-2020", "amount": -3700.0}, {"label": "Ondersteuning tewerkstellingsbeleid (Steunpunt en VIONA):", "amount": null}, {"label": "-0,1 miljoen compensaties binnen het ISE, waaronder beperkte compensatie naar de SERV ter financiering hard- en software werkbaarheidsmonitor.", "amount": -100.0}]', 8, 348);


--
-- Data for Name: tables; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--

INSERT INTO fixture_ebb794b.tables VALUES (1, 1, 0, 'budget_evolution', 'mixed', '', 'Budgetevolutie Beleidsdomein Werk en Sociale Economie (incl. VDAB)', 2, 12, 'Beleidsdomein Werk en Sociale Economie (incl. VDAB)', '', true);
INSERT INTO fixture_ebb794b.tables VALUES (2, 1, 1, 'budget_evolution', 'mixed', '', 'Budgetevolutie VDAB', 2, 43, 'VDAB', '', true);


--
-- Data for Name: warnings; Type: TABLE DATA; Schema: fixture_ebb794b; Owner: -
--



--
-- Name: abbreviations_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.abbreviations_id_seq', 1, false);


--
-- Name: annex_items_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.annex_items_id_seq', 1, false);


--
-- Name: articles_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.articles_id_seq', 1, false);


--
-- Name: documents_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.documents_id_seq', 1, true);


--
-- Name: facts_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.facts_id_seq', 108, true);


--
-- Name: findings_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.findings_id_seq', 14, true);


--
-- Name: footnotes_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.footnotes_id_seq', 1, false);


--
-- Name: generic_tables_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.generic_tables_id_seq', 1, false);


--
-- Name: goals_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.goals_id_seq', 3, true);


--
-- Name: ises_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.ises_id_seq', 7, true);


--
-- Name: programs_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.programs_id_seq', 5, true);


--
-- Name: reviews_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.reviews_id_seq', 1, true);


--
-- Name: sections_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.sections_id_seq', 1, false);


--
-- Name: slides_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.slides_id_seq', 14, true);


--
-- Name: statements_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.statements_id_seq', 7, true);


--
-- Name: tables_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.tables_id_seq', 2, true);


--
-- Name: warnings_id_seq; Type: SEQUENCE SET; Schema: fixture_ebb794b; Owner: -
--

SELECT pg_catalog.setval('fixture_ebb794b.warnings_id_seq', 1, false);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: abbreviations pk_abbreviations; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.abbreviations
    ADD CONSTRAINT pk_abbreviations PRIMARY KEY (id);


--
-- Name: annex_items pk_annex_items; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.annex_items
    ADD CONSTRAINT pk_annex_items PRIMARY KEY (id);


--
-- Name: articles pk_articles; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.articles
    ADD CONSTRAINT pk_articles PRIMARY KEY (id);


--
-- Name: documents pk_documents; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.documents
    ADD CONSTRAINT pk_documents PRIMARY KEY (id);


--
-- Name: facts pk_facts; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.facts
    ADD CONSTRAINT pk_facts PRIMARY KEY (id);


--
-- Name: findings pk_findings; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.findings
    ADD CONSTRAINT pk_findings PRIMARY KEY (id);


--
-- Name: footnotes pk_footnotes; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.footnotes
    ADD CONSTRAINT pk_footnotes PRIMARY KEY (id);


--
-- Name: generic_tables pk_generic_tables; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.generic_tables
    ADD CONSTRAINT pk_generic_tables PRIMARY KEY (id);


--
-- Name: goals pk_goals; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.goals
    ADD CONSTRAINT pk_goals PRIMARY KEY (id);


--
-- Name: ises pk_ises; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.ises
    ADD CONSTRAINT pk_ises PRIMARY KEY (id);


--
-- Name: programs pk_programs; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.programs
    ADD CONSTRAINT pk_programs PRIMARY KEY (id);


--
-- Name: reviews pk_reviews; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.reviews
    ADD CONSTRAINT pk_reviews PRIMARY KEY (id);


--
-- Name: search_entries pk_search_entries; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.search_entries
    ADD CONSTRAINT pk_search_entries PRIMARY KEY (id);


--
-- Name: sections pk_sections; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.sections
    ADD CONSTRAINT pk_sections PRIMARY KEY (id);


--
-- Name: slides pk_slides; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.slides
    ADD CONSTRAINT pk_slides PRIMARY KEY (id);


--
-- Name: statements pk_statements; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.statements
    ADD CONSTRAINT pk_statements PRIMARY KEY (id);


--
-- Name: tables pk_tables; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.tables
    ADD CONSTRAINT pk_tables PRIMARY KEY (id);


--
-- Name: warnings pk_warnings; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.warnings
    ADD CONSTRAINT pk_warnings PRIMARY KEY (id);


--
-- Name: search_index search_index_pkey; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.search_index
    ADD CONSTRAINT search_index_pkey PRIMARY KEY (entry_id);


--
-- Name: documents uq_documents_sha256; Type: CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.documents
    ADD CONSTRAINT uq_documents_sha256 UNIQUE (sha256);


--
-- Name: ix_abbreviations_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_abbreviations_document_id ON fixture_ebb794b.abbreviations USING btree (document_id);


--
-- Name: ix_annex_items_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_annex_items_document_id ON fixture_ebb794b.annex_items USING btree (document_id);


--
-- Name: ix_articles_code; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_articles_code ON fixture_ebb794b.articles USING btree (code);


--
-- Name: ix_articles_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_articles_document_id ON fixture_ebb794b.articles USING btree (document_id);


--
-- Name: ix_articles_ise; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_articles_ise ON fixture_ebb794b.articles USING btree (ise);


--
-- Name: ix_articles_part_program; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_articles_part_program ON fixture_ebb794b.articles USING btree (part_program);


--
-- Name: ix_articles_part_program_document_id_code; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_articles_part_program_document_id_code ON fixture_ebb794b.articles USING btree (part_program, document_id, code);


--
-- Name: ix_documents_name; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE UNIQUE INDEX ix_documents_name ON fixture_ebb794b.documents USING btree (name);


--
-- Name: ix_facts_credit_stage_year; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_facts_credit_stage_year ON fixture_ebb794b.facts USING btree (credit, stage, year);


--
-- Name: ix_facts_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_facts_document_id ON fixture_ebb794b.facts USING btree (document_id);


--
-- Name: ix_facts_subject_credit_year_stage; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_facts_subject_credit_year_stage ON fixture_ebb794b.facts USING btree (subject, credit, year, stage);


--
-- Name: ix_findings_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_findings_document_id ON fixture_ebb794b.findings USING btree (document_id);


--
-- Name: ix_findings_finding_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_findings_finding_id ON fixture_ebb794b.findings USING btree (finding_id);


--
-- Name: ix_findings_related_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_findings_related_document_id ON fixture_ebb794b.findings USING btree (related_document_id);


--
-- Name: ix_findings_rule; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_findings_rule ON fixture_ebb794b.findings USING btree (rule);


--
-- Name: ix_findings_subject; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_findings_subject ON fixture_ebb794b.findings USING btree (subject);


--
-- Name: ix_footnotes_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_footnotes_document_id ON fixture_ebb794b.footnotes USING btree (document_id);


--
-- Name: ix_generic_tables_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_generic_tables_document_id ON fixture_ebb794b.generic_tables USING btree (document_id);


--
-- Name: ix_goals_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_goals_document_id ON fixture_ebb794b.goals USING btree (document_id);


--
-- Name: ix_ises_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_ises_document_id ON fixture_ebb794b.ises USING btree (document_id);


--
-- Name: ix_ises_key; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_ises_key ON fixture_ebb794b.ises USING btree (key);


--
-- Name: ix_programs_code; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_programs_code ON fixture_ebb794b.programs USING btree (code);


--
-- Name: ix_programs_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_programs_document_id ON fixture_ebb794b.programs USING btree (document_id);


--
-- Name: ix_reviews_finding_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_reviews_finding_id ON fixture_ebb794b.reviews USING btree (finding_id);


--
-- Name: ix_search_entries_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_search_entries_document_id ON fixture_ebb794b.search_entries USING btree (document_id);


--
-- Name: ix_sections_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_sections_document_id ON fixture_ebb794b.sections USING btree (document_id);


--
-- Name: ix_slides_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_slides_document_id ON fixture_ebb794b.slides USING btree (document_id);


--
-- Name: ix_statements_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_statements_document_id ON fixture_ebb794b.statements USING btree (document_id);


--
-- Name: ix_tables_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_tables_document_id ON fixture_ebb794b.tables USING btree (document_id);


--
-- Name: ix_warnings_document_id; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX ix_warnings_document_id ON fixture_ebb794b.warnings USING btree (document_id);


--
-- Name: search_index_terms; Type: INDEX; Schema: fixture_ebb794b; Owner: -
--

CREATE INDEX search_index_terms ON fixture_ebb794b.search_index USING gin (terms);


--
-- Name: abbreviations fk_abbreviations_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.abbreviations
    ADD CONSTRAINT fk_abbreviations_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: annex_items fk_annex_items_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.annex_items
    ADD CONSTRAINT fk_annex_items_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: articles fk_articles_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.articles
    ADD CONSTRAINT fk_articles_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: facts fk_facts_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.facts
    ADD CONSTRAINT fk_facts_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: findings fk_findings_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.findings
    ADD CONSTRAINT fk_findings_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: findings fk_findings_related_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.findings
    ADD CONSTRAINT fk_findings_related_document_id_documents FOREIGN KEY (related_document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: footnotes fk_footnotes_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.footnotes
    ADD CONSTRAINT fk_footnotes_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: generic_tables fk_generic_tables_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.generic_tables
    ADD CONSTRAINT fk_generic_tables_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: goals fk_goals_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.goals
    ADD CONSTRAINT fk_goals_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: ises fk_ises_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.ises
    ADD CONSTRAINT fk_ises_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: programs fk_programs_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.programs
    ADD CONSTRAINT fk_programs_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: search_entries fk_search_entries_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.search_entries
    ADD CONSTRAINT fk_search_entries_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: sections fk_sections_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.sections
    ADD CONSTRAINT fk_sections_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: slides fk_slides_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.slides
    ADD CONSTRAINT fk_slides_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: statements fk_statements_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.statements
    ADD CONSTRAINT fk_statements_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: tables fk_tables_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.tables
    ADD CONSTRAINT fk_tables_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: warnings fk_warnings_document_id_documents; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.warnings
    ADD CONSTRAINT fk_warnings_document_id_documents FOREIGN KEY (document_id) REFERENCES fixture_ebb794b.documents(id) ON DELETE CASCADE;


--
-- Name: search_index search_index_entry_id_fkey; Type: FK CONSTRAINT; Schema: fixture_ebb794b; Owner: -
--

ALTER TABLE ONLY fixture_ebb794b.search_index
    ADD CONSTRAINT search_index_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES fixture_ebb794b.search_entries(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict T0WSoD8n0qYqHlTcc9EJOAoIL1tIScbNSRudC1mO6RA8h5ks5P0NozuRIca5Til

