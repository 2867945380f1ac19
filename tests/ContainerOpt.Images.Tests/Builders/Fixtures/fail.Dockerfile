FROM containeropt/bookworm-base:1
RUN echo one
RUN exit 3
RUN echo never
