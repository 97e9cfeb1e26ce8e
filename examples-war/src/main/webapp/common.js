// Shared by the example pages: connects to a namespace and keeps #status and #transport up to date.
// "?transport=polling" in the page URL keeps the connection on HTTP long-polling.
function connectTo(namespace) {
  const base = location.pathname.replace(/[^/]*$/, "");          // the context path, for any deployment
  const options = { path: base + "socket.io" };
  if (new URLSearchParams(location.search).get("transport") === "polling") {
    options.transports = ["polling"];
  }
  const socket = io(namespace, options);
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
