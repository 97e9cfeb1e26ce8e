// Shared by the example pages.

// The web application's context path, from where the page is served: "" at the root context,
// "/examples" when deployed as examples.war. Every page sits at the top of the WAR, so it is the
// page's path up to (not including) the last "/".
function contextPath() {
  return new URL(document.baseURI).pathname.replace(/\/[^/]*$/, "");
}

// An absolute path to one of this application's resources or servlets: appPath("login") is
// "/login" at the root context, "/examples/login" under /examples. Every io() call and every
// request to the app's own servlets goes through it.
function appPath(path) {
  return contextPath() + "/" + path.replace(/^\/+/, "");
}

// Connects to a namespace ("/chat": the namespace is the URL's path, the host is the page's) with
// the Socket.IO endpoint under the context path, and keeps #status and #transport up to date.
// "?transport=polling" in the page URL keeps the connection on HTTP long-polling.
function connectTo(namespace) {
  const options = { path: appPath("socket.io") };
  if (new URLSearchParams(location.search).get("transport") === "polling") {
    options.transports = ["polling"];
  }
  const socket = io(location.origin + namespace, options);
  const status = document.getElementById("status");
  const transport = document.getElementById("transport");
  const showTransport = () => {
    if (socket.io.engine) transport.textContent = socket.io.engine.transport.name;
  };
  const setStatus = (text) => { status.textContent = text; status.className = text; };
  // a new Engine.IO connection on every (re)connection: watch its upgrades
  socket.io.on("open", () => {
    showTransport();
    socket.io.engine.on("upgrade", showTransport);
  });
  socket.on("connect", () => { setStatus("connected"); showTransport(); });
  socket.on("disconnect", () => setStatus("disconnected"));
  return socket;
}

// Appends <li class="cls">text</li> to a list and scrolls to it.
function appendItem(list, text, cls) {
  const li = document.createElement("li");
  li.textContent = text;
  if (cls) li.className = cls;
  list.appendChild(li);
  list.scrollTop = list.scrollHeight;
  return li;
}

// Calls action on the button's click and on Enter in the input.
function onSubmit(input, button, action) {
  button.addEventListener("click", action);
  input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); action(); } });
}
