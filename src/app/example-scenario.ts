/**
 * The Pod the app opens on: a whole story in one run. The mesh proxy and log shipper are native
 * sidecars placed first so that the migration already has network and logs; the web app starts
 * once the migration is done; deleting the pod stops the app before its sidecars.
 */
export const EXAMPLE_SCENARIO = `# A web app with a schema migration and two native sidecars.
# Press Play, or change anything: the run follows every edit.
apiVersion: v1
kind: Pod
metadata:
  name: shop-web
  annotations:
    podlab.dev/behavior: |
      log-shipper: {stop: 2, stopExitCode: 0}
      mesh-proxy: {startup: 3, stop: 5, stopExitCode: 0}
      migrate: {run: 4}
      web: {startup: 2, stop: 1, stopExitCode: 0}
    podlab.dev/actions: |
      - {at: 40, do: delete}
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  initContainers:
    - name: log-shipper
      image: fluent/fluent-bit:3.1.9
      restartPolicy: Always
      args: [-i, tail, -p, path=/var/log/app/*.log, -o, stdout]
    - name: mesh-proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
      startupProbe:
        httpGet: {path: /ready, port: 15021}
        periodSeconds: 1
        failureThreshold: 30
    - name: migrate
      image: migrate/migrate:v4.17.0
      args: [-path, /migrations, -database, $(DATABASE_URL), up]
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
      readinessProbe:
        httpGet: {path: /, port: 80}
        periodSeconds: 2
      lifecycle:
        preStop:
          sleep: {seconds: 3}
`;

/** The empty Pod, one click away: a name, a restart policy and room for containers. */
export const EMPTY_SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: my-pod
spec:
  restartPolicy: Always
  containers: []
`;
