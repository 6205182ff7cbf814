import { sql, type SQL } from "drizzle-orm";

/**
 * One statement that runs `source` (rows of installation_pk, metric_pk, s, e, v — usually an
 * INSERT/DELETE … RETURNING) and adds (sign 1) or removes (sign -1) those rows in the daily rollup,
 * in the same transaction. A record straddling midnight UTC goes to each day pro rata by time
 * overlap; an instantaneous record (s = e) counts wholly on its day. Answers `{n}`: source rows.
 */
export function withRollup(source: SQL, sign: 1 | -1): SQL {
  return sql`with src as (${source}),
  split as (
    select src.installation_pk, src.metric_pk, d::date as day,
      case when src.e = src.s then src.v
        else src.v * (
          extract(epoch from (least(src.e at time zone 'UTC', d + interval '1 day') - greatest(src.s at time zone 'UTC', d)))
          / extract(epoch from (src.e - src.s))
        )::float8
      end as v
    from src, generate_series(
      date_trunc('day', src.s at time zone 'UTC'),
      case when src.e > src.s then src.e at time zone 'UTC' - interval '1 microsecond' else src.s at time zone 'UTC' end,
      interval '1 day') as d
  ),
  rolled as (
    insert into usage_daily (installation_pk, metric_pk, day, value, records)
    select installation_pk, metric_pk, day, ${sign}::float8 * sum(v), ${sign}::int * count(*)::int from split group by 1, 2, 3 order by 1, 2, 3
    on conflict (installation_pk, metric_pk, day) do update set
      records = usage_daily.records + excluded.records,
      value = case when usage_daily.records + excluded.records = 0 then 0 else usage_daily.value + excluded.value end
    returning 1
  )
  select count(*)::int as n from src`;
}
