FROM containeropt/bookworm-base:1
ARG A=1
ENV B=2
LABEL c=3
RUN echo $A
EXPOSE 80
WORKDIR /x
USER root
RUN exit 3
CMD ["x"]
