from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.mismatch import Mismatch
from ...models.resolution_in import ResolutionIn
from typing import cast



def _get_kwargs(
    institution_id: str,
    reconciliation_id: str,
    n: int,
    *,
    body: ResolutionIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/institutions/{institution_id}/reconciliations/{reconciliation_id}/mismatches/{n}/resolution".format(institution_id=quote(str(institution_id), safe=""),reconciliation_id=quote(str(reconciliation_id), safe=""),n=quote(str(n), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Mismatch:
    if response.status_code == 200:
        response_200 = Mismatch.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Mismatch]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: str,
    reconciliation_id: str,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ResolutionIn,

) -> Response[Error | Mismatch]:
    """ Resolve a mismatch: record what was found and done, with a reason (audited)

    Args:
        institution_id (str):
        reconciliation_id (str):
        n (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Mismatch]
     """


    kwargs = _get_kwargs(
        institution_id=institution_id,
reconciliation_id=reconciliation_id,
n=n,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    institution_id: str,
    reconciliation_id: str,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ResolutionIn,

) -> Error | Mismatch | None:
    """ Resolve a mismatch: record what was found and done, with a reason (audited)

    Args:
        institution_id (str):
        reconciliation_id (str):
        n (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Mismatch
     """


    return sync_detailed(
        institution_id=institution_id,
reconciliation_id=reconciliation_id,
n=n,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    institution_id: str,
    reconciliation_id: str,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ResolutionIn,

) -> Response[Error | Mismatch]:
    """ Resolve a mismatch: record what was found and done, with a reason (audited)

    Args:
        institution_id (str):
        reconciliation_id (str):
        n (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Mismatch]
     """


    kwargs = _get_kwargs(
        institution_id=institution_id,
reconciliation_id=reconciliation_id,
n=n,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    institution_id: str,
    reconciliation_id: str,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ResolutionIn,

) -> Error | Mismatch | None:
    """ Resolve a mismatch: record what was found and done, with a reason (audited)

    Args:
        institution_id (str):
        reconciliation_id (str):
        n (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Mismatch
     """


    return (await asyncio_detailed(
        institution_id=institution_id,
reconciliation_id=reconciliation_id,
n=n,
client=client,
body=body,

    )).parsed
