# Two stages at once: one fails while the other still runs (BuildKit cancels it)
FROM containeropt/bookworm-base:1 AS slow
RUN sleep 5 && echo slow done
FROM containeropt/bookworm-base:1 AS fails
RUN sleep 1 && exit 4
FROM containeropt/bookworm-base:1
COPY --from=slow /etc/hostname /slow
COPY --from=fails /etc/hostname /fails
